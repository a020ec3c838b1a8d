import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { StoreModule } from '@omnitill/store';
import { AuditTrailResolver } from './api/audit-trail.resolver';
import { AuthResolver } from './api/auth.resolver';
import { StaffAdminResolver } from './api/staff-admin.resolver';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { AuthGuard } from './guards/auth.guard';
import { AuditEntryRepository } from './repositories/audit-entry.repository';
import { LoginAttemptRepository } from './repositories/login-attempt.repository';
import { StaffUserRepository } from './repositories/staff-user.repository';
import { StorefrontApiKeyRepository } from './repositories/storefront-api-key.repository';
import { AuditQueryService } from './services/audit-query.service';
import { StaffAdminService } from './services/staff-admin.service';
import { StaffAuthService } from './services/staff-auth.service';
import { StorefrontKeyService } from './services/storefront-key.service';
import { SessionValidityService } from './services/session-validity.service';

@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [StoreModule],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: AuthGuard },
        SessionValidityService,
        StaffUserRepository,
        LoginAttemptRepository,
        StorefrontApiKeyRepository,
        AuditEntryRepository,
        AuditQueryService,
        StaffAuthService,
        StaffAdminService,
        StorefrontKeyService,
        AuthResolver,
        StaffAdminResolver,
        AuditTrailResolver,
      ],
      exports: [StaffAuthService, StaffAdminService, StorefrontKeyService],
    };
  }
}
