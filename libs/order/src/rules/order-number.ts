import { OrderChannel } from '../entities/order.enums';

/** Digits of the running number; it simply grows longer past 999999. */
export const ORDER_NUMBER_DIGITS = 6;

const CHANNEL_LETTER: Readonly<Record<OrderChannel, string>> = {
  [OrderChannel.POS]: 'P',
  [OrderChannel.ONLINE]: 'W',
};

/** "BER-MITTE-P-": the store code and channel, to which the running number is appended. */
export function orderNumberPrefix(storeCode: string, channel: OrderChannel): string {
  return `${storeCode.toUpperCase()}-${CHANNEL_LETTER[channel]}-`;
}

/** "BER-MITTE-P-000123". The database formats it the same way (see OrderRepository.insertNumbered). */
export function formatOrderNumber(storeCode: string, channel: OrderChannel, value: number): string {
  return `${orderNumberPrefix(storeCode, channel)}${String(value).padStart(ORDER_NUMBER_DIGITS, '0')}`;
}

/** Order numbers are typed by people: case and surrounding blanks do not matter. */
export function normaliseOrderNumber(input: string): string {
  return input.trim().toUpperCase();
}
