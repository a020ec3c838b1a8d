import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { randomBytes } from 'node:crypto';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') {
    return undefined;
  }
  if (value === true || value === 'true' || value === '1') {
    return true;
  }
  if (value === false || value === 'false' || value === '0') {
    return false;
  }
  return value;
};

/**
 * Every setting the API reads, from environment variables, validated at boot.
 * The app refuses to start with one clear message per bad value.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** PostgreSQL connection URL. Unset: an embedded PostgreSQL is started with data in DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 15_000;

  /** Where the embedded PostgreSQL keeps its data (only without DATABASE_URL). */
  @IsString()
  DATA_DIR = '.data';

  /** Run pending migrations at start. */
  @Transform(toBool)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /** Load demo data into an empty database at start. Defaults to on with the embedded database. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO?: boolean;

  /** Secret for signing session, pickup and coupon tokens. Required in production. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_TOKEN_SECRET must be at least 32 characters' })
  AUTH_TOKEN_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  AUTH_TOKEN_TTL_SECONDS = 8 * 3600;

  /** Failed logins per email within LOGIN_WINDOW_SECONDS before further attempts are refused. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_WINDOW_SECONDS = 900;

  /**
   * Staff sessions end early when the account is deactivated, its role or stores change, or the
   * session's terminal is revoked or its key rotated; each replica re-reads that at most this often.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  AUTH_SESSION_CHECK_SECONDS = 5;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  /** Upper bound on the number of fields one operation may select (fragments expanded). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(100_000)
  GRAPHQL_MAX_FIELDS = 500;

  @Transform(toBool)
  @IsBoolean()
  GRAPHIQL = true;

  /** Compile a query with graphql-jit after it ran this many times; 0 disables. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  GRAPHQL_JIT = 0;

  /** Log one line per HTTP request (pino, with the request id). Errors are always logged. */
  @Transform(toBool)
  @IsBoolean()
  LOG_REQUESTS = true;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Run the outbox relay and the webhook dispatcher in this process (live subscriptions work either way). */
  @Transform(toBool)
  @IsBoolean()
  EVENT_RELAY_ENABLED = true;

  /** Fallback poll of the outbox and webhook queue; LISTEN/NOTIFY wakes the relay without waiting for it. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600_000)
  EVENT_RELAY_POLL_MS = 1000;

  /** Events the relay publishes per transaction. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  EVENT_RELAY_BATCH_SIZE = 100;

  /** First webhook retry delay; doubles per failed attempt (with jitter), capped at one hour. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS = 1000;

  /** Attempts before a webhook delivery is DEAD (replayable). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_MAX_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 5000;

  /** Webhook requests one process has in flight at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WEBHOOK_CONCURRENCY = 32;

  /** Days customers have to return goods (from sale, pickup or shipping) where a store sets no window of its own. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  RETURN_WINDOW_DAYS = 30;

  /** Days a store has to receive a return support authorised, when support sets no expiry. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  RETURN_AUTHORISATION_DAYS = 14;

  /** Reports: days before a POS sale in which a customer's issued, unredeemed campaign code counts as assisting it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REPORT_ASSISTED_WINDOW_DAYS = 30;

  /** Reports: the longest period one report may cover, in days. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1096)
  REPORT_MAX_RANGE_DAYS = 366;

  /** Whether the embedded database is in use (derived, not read from the environment). */
  get usesEmbeddedDatabase(): boolean {
    return this.DATABASE_URL === undefined;
  }

  get seedDemo(): boolean {
    return this.SEED_DEMO ?? this.usesEmbeddedDatabase;
  }
}

export class ConfigError extends Error {}

/** Parses and validates settings; throws one ConfigError listing every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['DATABASE_URL', 'SEED_DEMO', 'AUTH_TOKEN_SECRET']);
  const raw: Record<string, unknown> = {};
  for (const key of known) {
    if (env[key] !== undefined) {
      raw[key] = env[key];
    }
  }
  const config = plainToInstance(AppConfig, raw);
  Object.assign(config, overrides);
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (!config.AUTH_TOKEN_SECRET) {
    if (config.NODE_ENV === 'production') {
      throw new ConfigError('Invalid configuration:\n  AUTH_TOKEN_SECRET: required when NODE_ENV=production');
    }
    // Development and tests: a per-process secret. Sessions do not survive a restart.
    config.AUTH_TOKEN_SECRET = randomBytes(32).toString('base64url');
  }
  return config;
}
