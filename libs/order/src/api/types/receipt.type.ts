import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money } from '@omnitill/common';
import { PaymentMethod } from '../../entities/order.enums';
import { Receipt } from '../../receipts/receipt';
import { OrderType } from './order.type';
import './order-enums.type';

@ObjectType('ReceiptLine')
export class ReceiptLineType {
  @Field(() => Int)
  lineNo!: number;

  @Field(() => String)
  sku!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money)
  unitPrice!: Money;

  @Field(() => String, { nullable: true })
  priceOverrideReason!: string | null;

  @Field(() => Money)
  discount!: Money;

  @Field(() => Money)
  total!: Money;

  @Field(() => Int)
  taxRateBp!: number;
}

@ObjectType('ReceiptTax', { description: 'Tax per rate, as printed.' })
export class ReceiptTaxType {
  @Field(() => Int)
  rateBp!: number;

  @Field(() => Money)
  gross!: Money;

  @Field(() => Money)
  net!: Money;

  @Field(() => Money)
  tax!: Money;
}

@ObjectType('ReceiptPayment')
export class ReceiptPaymentType {
  @Field(() => PaymentMethod)
  method!: PaymentMethod;

  @Field(() => Money)
  amount!: Money;

  @Field(() => Money, { nullable: true })
  tendered!: Money | null;

  @Field(() => Money)
  change!: Money;
}

@ObjectType('Receipt', { description: 'A sale receipt: structured fields, printable text, and a QR for the digital receipt and returns.' })
export class ReceiptType {
  @Field(() => ID)
  orderId!: string;

  @Field(() => String)
  number!: string;

  @Field(() => String)
  storeCode!: string;

  @Field(() => String)
  storeName!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => [ReceiptLineType])
  lines!: ReceiptLineType[];

  @Field(() => Money)
  subtotal!: Money;

  @Field(() => Money)
  discount!: Money;

  @Field(() => Money)
  tax!: Money;

  @Field(() => Money)
  total!: Money;

  @Field(() => [ReceiptTaxType])
  taxes!: ReceiptTaxType[];

  @Field(() => [ReceiptPaymentType])
  payments!: ReceiptPaymentType[];

  @Field(() => Money)
  changeDue!: Money;

  @Field(() => String, { nullable: true })
  couponCode!: string | null;

  @Field(() => String, { description: `Monospaced, ${40} characters wide, lines separated by \\n.` })
  text!: string;

  @Field(() => String, { description: 'Signed token in the receipt QR: opens the digital receipt, finds the sale for a return (orderByReceiptToken).' })
  qrToken!: string;

  static from(receipt: Receipt): ReceiptType {
    const money = (amount: number) => new Money(amount, receipt.currency);
    return Object.assign(new ReceiptType(), {
      orderId: receipt.orderId,
      number: receipt.number,
      storeCode: receipt.storeCode,
      storeName: receipt.storeName,
      occurredAt: receipt.occurredAt,
      lines: receipt.lines.map((line) => Object.assign(new ReceiptLineType(), {
        lineNo: line.lineNo,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        unitPrice: money(line.unitPriceAmount),
        priceOverrideReason: line.priceOverrideReason,
        discount: money(line.discountAmount),
        total: money(line.totalAmount),
        taxRateBp: line.taxRateBp,
      })),
      subtotal: money(receipt.subtotalAmount),
      discount: money(receipt.discountAmount),
      tax: money(receipt.taxAmount),
      total: money(receipt.totalAmount),
      taxes: receipt.taxes.map((tax) => Object.assign(new ReceiptTaxType(), { rateBp: tax.rateBp, gross: money(tax.grossAmount), net: money(tax.netAmount), tax: money(tax.taxAmount) })),
      payments: receipt.payments.map((payment) => Object.assign(new ReceiptPaymentType(), {
        method: payment.method,
        amount: money(payment.amount),
        tendered: payment.tenderedAmount === null ? null : money(payment.tenderedAmount),
        change: money(payment.changeAmount),
      })),
      changeDue: money(receipt.changeDueAmount),
      couponCode: receipt.couponCode,
      text: receipt.text,
      qrToken: receipt.qrToken,
    });
  }
}

@ObjectType('Sale', { description: 'A recorded POS sale and its receipt.' })
export class SaleType {
  @Field(() => OrderType)
  order!: OrderType;

  @Field(() => ReceiptType)
  receipt!: ReceiptType;

  @Field(() => Boolean, { description: 'True when this clientSaleId was recorded before: this is the original sale, nothing changed.' })
  replayed!: boolean;

  @Field(() => [String], { description: 'Did not stop the sale but the cashier should know, e.g. CUSTOMER_NOT_FOUND.' })
  notices!: string[];
}

@ObjectType('PickupCredentials', {
  description: 'Issued when an order is ready. The code is shown only this once: send it to the customer (by email/SMS in production).',
})
export class PickupCredentialsType {
  @Field(() => OrderType)
  order!: OrderType;

  @Field(() => String, { description: 'Six digits, typed at the counter with the order number.' })
  code!: string;

  @Field(() => String, { description: 'The signed token the QR holds; scanned at the counter.' })
  qrToken!: string;
}
