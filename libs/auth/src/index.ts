import { AuditEntryEntity } from './entities/audit-entry.entity';
import { LoginAttemptEntity } from './entities/login-attempt.entity';
import { StaffStoreEntity } from './entities/staff-store.entity';
import { StaffUserEntity } from './entities/staff-user.entity';
import { StorefrontApiKeyEntity } from './entities/storefront-api-key.entity';

export { AuthModule } from './auth.module';
export { AuthOptions } from './auth.options';
export { StaffAuthService, StaffSession, normaliseEmail } from './services/staff-auth.service';
export { StaffAdminService } from './services/staff-admin.service';
export { StorefrontKeyService } from './services/storefront-key.service';
export { StaffUserEntity, StaffStoreEntity, StorefrontApiKeyEntity, LoginAttemptEntity, AuditEntryEntity };

export const AUTH_ENTITIES = [StaffUserEntity, StaffStoreEntity, StorefrontApiKeyEntity, LoginAttemptEntity, AuditEntryEntity];
