import { ReturnRequestEntity } from '../entities/return-request.entity';
import { RefundMethod, ReturnState } from '../entities/return.enums';
import { returnSummary } from './returns-customer.participants';

const request = (patch: Partial<ReturnRequestEntity>): ReturnRequestEntity =>
  Object.assign(new ReturnRequestEntity(), { number: 'BER-01-W-000007-R1', refundAmount: 5999, currency: 'EUR', refundMethod: RefundMethod.STORE_CREDIT, rejectedReason: null, ...patch });

describe('returnSummary', () => {
  it('says what happened in one line for support', () => {
    expect(returnSummary(request({ state: ReturnState.REFUNDED }))).toBe('Return BER-01-W-000007-R1 received in store: 59.99 EUR refunded as store credit');
    expect(returnSummary(request({ state: ReturnState.AUTHORISED, refundMethod: RefundMethod.ORIGINAL_TENDER }))).toBe(
      'Return BER-01-W-000007-R1 authorised (59.99 EUR to the original payment once received)',
    );
    expect(returnSummary(request({ state: ReturnState.REJECTED, rejectedReason: 'worn' }))).toBe('Return BER-01-W-000007-R1 rejected: worn');
    expect(returnSummary(request({ state: ReturnState.EXPIRED }))).toBe('Return BER-01-W-000007-R1 authorisation expired');
  });
});
