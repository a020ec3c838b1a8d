import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit/audit-trail';
import { EventBus } from './events/event-bus';
import { EventOutbox } from './events/event-outbox';
import { SECURITY_OPTIONS, SecurityOptions, SessionTokenService } from './security/session-tokens';
import { Clock, SystemClock } from './time/clock';
import { TransactionRunner } from './transaction/transaction-runner';
import { TransactionInterceptor } from './transaction/transaction.interceptor';

/** The kernel every domain module relies on: clock, transactions, signed tokens, the event outbox and the audit trail. */
@Global()
@Module({})
export class CommonModule {
  /** `clock` replaces the system clock (tests move time forward with a FakeClock). */
  static forRoot(security: SecurityOptions, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: Clock, useValue: clock },
        { provide: SECURITY_OPTIONS, useValue: security },
        TransactionRunner,
        TransactionInterceptor,
        SessionTokenService,
        EventOutbox,
        EventBus,
        AuditTrail,
      ],
      exports: [Clock, SECURITY_OPTIONS, TransactionRunner, TransactionInterceptor, SessionTokenService, EventOutbox, EventBus, AuditTrail],
    };
  }
}
