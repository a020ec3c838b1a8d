import { DynamicModule, Module, ValidationError, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@omnitill/auth';
import { CatalogModule } from '@omnitill/catalog';
import { BadInputException, Clock, CommonModule, FieldError } from '@omnitill/common';
import { CouponModule } from '@omnitill/coupon';
import { CustomerModule } from '@omnitill/customer';
import { buildDataSourceOptions } from '@omnitill/database';
import { EventsModule } from '@omnitill/events';
import { InventoryModule } from '@omnitill/inventory';
import { OrderModule } from '@omnitill/order';
import { RecommendationModule } from '@omnitill/recommendation';
import { ReportingModule } from '@omnitill/reporting';
import { ReturnsModule } from '@omnitill/returns';
import { StoreModule } from '@omnitill/store';
import { AppConfig } from './config/app-config';
import { ALL_ENTITIES } from './database/entities';
import { ALL_MIGRATIONS } from './migrations';
import { formatGraphQLErrors } from './graphql/error-formatter';
import { AllExceptionsFilter } from './graphql/exception.filter';
import { maxFieldsRule } from './graphql/max-fields.rule';
import { RejectNulCharactersPipe } from './graphql/reject-nul-characters.pipe';
import { HealthController } from './health/health.controller';

function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return own.concat(toFieldErrors(error.children ?? [], field));
  });
}

export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => {
    const fields = toFieldErrors(errors);
    return new BadInputException(`Invalid input: ${fields.map((f) => `${f.field} (${f.messages.join(', ')})`).join('; ')}`, fields);
  },
});

/** Replacements tests may inject; production passes none. */
export interface AppOverrides {
  readonly clock?: Clock;
}

/** The composition root: one GraphQL API over every bounded context. */
@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommonModule.forRoot(
          { tokenSecret: config.AUTH_TOKEN_SECRET ?? '', sessionTtlSeconds: config.AUTH_TOKEN_TTL_SECONDS },
          overrides.clock,
        ),
        TypeOrmModule.forRoot(
          buildDataSourceOptions(
            {
              url: databaseUrl,
              poolSize: config.DATABASE_POOL_SIZE,
              statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
              applicationName: 'omnitill-api',
            },
            ALL_ENTITIES,
            ALL_MIGRATIONS,
          ),
        ),
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          graphiql: config.GRAPHIQL,
          queryDepth: config.GRAPHQL_MAX_DEPTH,
          allowBatchedQueries: false,
          jit: config.GRAPHQL_JIT,
          validationRules: [maxFieldsRule(config.GRAPHQL_MAX_FIELDS)],
          errorFormatter: formatGraphQLErrors,
          // WebSocket subscriptions at /graphql; auth comes from the connection_init payload (see libs/events).
          subscription: { keepAlive: 30_000 },
        }),
        StoreModule,
        CatalogModule,
        CustomerModule,
        InventoryModule,
        CouponModule,
        OrderModule,
        ReturnsModule.forRoot({ returnWindowDays: config.RETURN_WINDOW_DAYS, authorisationDays: config.RETURN_AUTHORISATION_DAYS }),
        ReportingModule.forRoot({ assistedWindowDays: config.REPORT_ASSISTED_WINDOW_DAYS, maxRangeDays: config.REPORT_MAX_RANGE_DAYS }),
        RecommendationModule,
        AuthModule.forRoot({
          loginMaxFailures: config.LOGIN_MAX_FAILURES,
          loginWindowSeconds: config.LOGIN_WINDOW_SECONDS,
          sessionCheckSeconds: config.AUTH_SESSION_CHECK_SECONDS,
        }),
        EventsModule.forRoot({
          databaseUrl,
          relayEnabled: config.EVENT_RELAY_ENABLED,
          relayPollMs: config.EVENT_RELAY_POLL_MS,
          relayBatchSize: config.EVENT_RELAY_BATCH_SIZE,
          webhookRetryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
          webhookMaxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
          webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
          webhookConcurrency: config.WEBHOOK_CONCURRENCY,
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useValue: new RejectNulCharactersPipe() },
        { provide: APP_PIPE, useValue: validationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
