import { Money } from '@omnitill/common';
import { StoreEntity } from '@omnitill/store';
import { PaymentMethod } from '../entities/order.enums';
import { OrderDetails } from '../repositories/order.repository';

export const RECEIPT_TOKEN_PURPOSE = 'receipt';
/** Characters per printed line (58 mm thermal paper prints 32-42). */
export const RECEIPT_WIDTH = 40;

export interface ReceiptLine {
  readonly lineNo: number;
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPriceAmount: number;
  readonly priceOverrideReason: string | null;
  readonly discountAmount: number;
  readonly totalAmount: number;
  readonly taxRateBp: number;
  readonly taxAmount: number;
}

export interface ReceiptTax {
  readonly rateBp: number;
  readonly grossAmount: number;
  readonly taxAmount: number;
  readonly netAmount: number;
}

export interface ReceiptPayment {
  readonly method: PaymentMethod;
  readonly amount: number;
  readonly tenderedAmount: number | null;
  readonly changeAmount: number;
}

/** A sale's receipt: structured for apps, printable text for tills, a signed token for the digital receipt QR. */
export interface Receipt {
  readonly orderId: string;
  readonly number: string;
  readonly storeCode: string;
  readonly storeName: string;
  readonly occurredAt: Date;
  readonly timeZone: string;
  readonly currency: string;
  readonly lines: ReceiptLine[];
  readonly subtotalAmount: number;
  readonly discountAmount: number;
  readonly taxAmount: number;
  readonly totalAmount: number;
  readonly taxes: ReceiptTax[];
  readonly payments: ReceiptPayment[];
  readonly changeDueAmount: number;
  readonly couponCode: string | null;
  readonly text: string;
  /** Opens the digital receipt and finds the sale for a return (orderByReceiptToken). */
  readonly qrToken: string;
}

const PAYMENT_LABEL: Readonly<Record<PaymentMethod, string>> = {
  [PaymentMethod.CASH]: 'Cash',
  [PaymentMethod.CARD]: 'Card',
  [PaymentMethod.GIFT]: 'Gift card',
  [PaymentMethod.STORE_CREDIT]: 'Store credit',
  [PaymentMethod.EXTERNAL]: 'Paid online',
};

export function buildReceipt(details: OrderDetails, store: StoreEntity, qrToken: string): Receipt {
  const { order } = details;
  const lines = details.lines.map((line): ReceiptLine => ({
    lineNo: line.lineNo,
    sku: line.sku,
    name: line.name,
    quantity: line.quantity,
    unitPriceAmount: line.unitPriceAmount,
    priceOverrideReason: line.priceOverrideReason,
    discountAmount: line.discountAmount,
    totalAmount: line.totalAmount,
    taxRateBp: line.taxRateBp,
    taxAmount: line.taxAmount,
  }));
  const payments = details.payments.map((payment): ReceiptPayment => ({
    method: payment.method,
    amount: payment.amount,
    tenderedAmount: payment.tenderedAmount,
    changeAmount: payment.changeAmount,
  }));
  const receipt: Omit<Receipt, 'text'> = {
    orderId: order.id,
    number: order.number,
    storeCode: store.code,
    storeName: store.name,
    occurredAt: order.occurredAt,
    timeZone: store.timezone,
    currency: order.currency,
    lines,
    subtotalAmount: order.subtotalAmount,
    discountAmount: order.discountAmount,
    taxAmount: order.taxAmount,
    totalAmount: order.totalAmount,
    taxes: taxSummary(lines),
    payments,
    changeDueAmount: payments.reduce((sum, payment) => sum + payment.changeAmount, 0),
    couponCode: order.couponCode,
    qrToken,
  };
  return { ...receipt, text: printReceipt(receipt, store) };
}

/** Tax per rate, as receipts must show it. */
export function taxSummary(lines: readonly ReceiptLine[]): ReceiptTax[] {
  const byRate = new Map<number, { gross: number; tax: number }>();
  for (const line of lines) {
    const entry = byRate.get(line.taxRateBp) ?? { gross: 0, tax: 0 };
    byRate.set(line.taxRateBp, { gross: entry.gross + line.totalAmount, tax: entry.tax + line.taxAmount });
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBp, { gross, tax }]) => ({ rateBp, grossAmount: gross, taxAmount: tax, netAmount: gross - tax }));
}

function amount(value: number, currency: string): string {
  return new Money(value, currency).format().replace(` ${currency}`, '');
}

/** "Label ............ 12.34" padded to the receipt width. */
function row(label: string, value: string): string {
  const room = RECEIPT_WIDTH - value.length - 1;
  const text = label.length > room ? `${label.slice(0, Math.max(0, room - 1))}…` : label;
  return `${text.padEnd(room)} ${value}`;
}

function centred(text: string): string {
  const clipped = text.slice(0, RECEIPT_WIDTH);
  return `${' '.repeat(Math.floor((RECEIPT_WIDTH - clipped.length) / 2))}${clipped}`;
}

// Building an Intl formatter costs far more than formatting: one per time zone, kept (a handful of zones).
const receiptTimeFormats = new Map<string, Intl.DateTimeFormat>();

function localTime(at: Date, timeZone: string): string {
  let format = receiptTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    receiptTimeFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** 1900 basis points -> "19.00%", in integers. */
function rateLabel(rateBp: number): string {
  return `${Math.trunc(rateBp / 100)}.${String(rateBp % 100).padStart(2, '0')}%`;
}

export function printReceipt(receipt: Omit<Receipt, 'text'>, store: StoreEntity): string {
  const c = receipt.currency;
  const rule = '-'.repeat(RECEIPT_WIDTH);
  const out: string[] = [
    centred(store.name),
    centred([store.addressLine1, `${store.postalCode} ${store.city}`].join(', ')),
    '',
    `Receipt ${receipt.number}`,
    `${localTime(receipt.occurredAt, receipt.timeZone)} (${receipt.timeZone})`,
    rule,
  ];
  for (const line of receipt.lines) {
    out.push(line.name.slice(0, RECEIPT_WIDTH));
    out.push(row(`  ${line.quantity} x ${amount(line.unitPriceAmount, c)}  ${line.sku}`, amount(line.unitPriceAmount * line.quantity, c)));
    if (line.priceOverrideReason) {
      out.push(`  Price changed: ${line.priceOverrideReason}`.slice(0, RECEIPT_WIDTH));
    }
    if (line.discountAmount > 0) {
      out.push(row('  Discount', `-${amount(line.discountAmount, c)}`));
    }
  }
  out.push(rule, row('Subtotal', amount(receipt.subtotalAmount, c)));
  if (receipt.discountAmount > 0) {
    out.push(row(receipt.couponCode ? `Discount (${receipt.couponCode})` : 'Discount', `-${amount(receipt.discountAmount, c)}`));
  }
  out.push(row('TOTAL', `${amount(receipt.totalAmount, c)} ${c}`));
  for (const payment of receipt.payments) {
    out.push(row(PAYMENT_LABEL[payment.method], amount(payment.tenderedAmount ?? payment.amount, c)));
  }
  if (receipt.changeDueAmount > 0) {
    out.push(row('Change', amount(receipt.changeDueAmount, c)));
  }
  out.push(rule);
  for (const tax of receipt.taxes) {
    out.push(row(`VAT ${rateLabel(tax.rateBp)} of ${amount(tax.grossAmount, c)}`, amount(tax.taxAmount, c)));
  }
  out.push('', centred('Thank you!'));
  return out.join('\n');
}
