import { CustomerConsentEntity } from './entities/customer-consent.entity';
import { CustomerMergeEntity } from './entities/customer-merge.entity';
import { CustomerEntity } from './entities/customer.entity';
import { CustomerSignInAttemptEntity } from './entities/customer-sign-in-attempt.entity';

export { CustomerModule } from './customer.module';
export { CustomerProfileService, NewCustomer, ConsentChoice } from './services/customer-profile.service';
export { CustomerIdentificationService } from './services/customer-identification.service';
export { CustomerAccountService } from './services/customer-account.service';
export { CustomerMergeRegistry, CustomerMergeParticipant } from './registries/customer-merge.registry';
export {
  CustomerDataExporterRegistry, CustomerDataExporter, CustomerErasureRegistry, CustomerErasureParticipant, JsonObject,
} from './registries/customer-data.registry';
export { CustomerTimelineRegistry, CustomerTimelineSource, TimelineEntry } from './registries/customer-timeline.registry';
export { CustomerEntity, isLiveCustomer } from './entities/customer.entity';
export { CustomerConsentEntity, CustomerProfile } from './entities/customer-consent.entity';
export { CustomerMergeEntity } from './entities/customer-merge.entity';
export { CustomerChannel, ConsentPurpose, TimelineEntryKind, customerChannelOf } from './entities/customer.enums';
export { CustomerType } from './api/types/customer.type';
export { QrCodeType } from './api/types/qr-code.type';
export { CustomerNotFoundError, EmailTakenError, PhoneTakenError } from './errors/customer.errors';
export { renderQrCode, RenderedQrCode } from './qr/qr-code.renderer';
export { normalisePhone, DEFAULT_CALLING_CODE } from './rules/phone-number';
export { normaliseEmail } from './rules/customer-identifier';

export const CUSTOMER_ENTITIES = [CustomerEntity, CustomerConsentEntity, CustomerMergeEntity, CustomerSignInAttemptEntity];
