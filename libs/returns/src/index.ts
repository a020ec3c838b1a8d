import { RefundEntity } from './entities/refund.entity';
import { ReturnLineEntity } from './entities/return-line.entity';
import { ReturnNumberSequenceEntity } from './entities/return-number-sequence.entity';
import { ReturnRequestEntity } from './entities/return-request.entity';
import { StoreCreditAccountEntity, StoreCreditEntryEntity } from './entities/store-credit.entity';
import { StoreReturnPolicyEntity } from './entities/store-return-policy.entity';

export { ReturnsModule } from './returns.module';
export { ReturnsOptions, DEFAULT_RETURNS_OPTIONS } from './returns.options';
export { StoreCreditService, StoreCreditReference, StoreCreditBalance } from './services/store-credit.service';
export { ReturnQueryService } from './services/return-query.service';
export { ReturnState, RefundMethod, RefundState, ReturnReasonCode, ItemCondition, StoreCreditEntryKind, RETURN_REFERENCE_TYPE } from './entities/return.enums';
export {
  ReturnWindowExpiredError, OverReturnError, OrderNotReturnableError, NotAuthorisedToOverrideError, ReturnStateError,
  StoreCreditNeedsCustomerError,
} from './errors/returns.errors';
export { ReturnType, ReturnLineType, RefundType } from './api/types/return.type';
export { RETURN_MACHINE } from './state/return-machine';
export { refundForUnits, unitPaidAmounts, linePaidAmount } from './rules/refund-proration';
export {
  ReturnRequestEntity, ReturnLineEntity, RefundEntity, StoreReturnPolicyEntity, StoreCreditAccountEntity, StoreCreditEntryEntity, ReturnNumberSequenceEntity,
};

export const RETURNS_ENTITIES = [
  ReturnRequestEntity, ReturnLineEntity, RefundEntity, StoreReturnPolicyEntity, StoreCreditAccountEntity, StoreCreditEntryEntity, ReturnNumberSequenceEntity,
];
