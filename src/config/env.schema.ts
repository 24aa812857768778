import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidationArguments,
  validateSync,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { accessSync, constants, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { MAX_LOCAL_PART_LENGTH, splitPlainAddress } from '../common/validation/plain-address.util';
import { MIN_API_KEY_LENGTH, parseApiKeys } from './api-keys.util';

/** Raised when the environment does not pass the schema; its message is one line naming every bad variable. */
export class ConfigValidationError extends Error {
  override name = 'ConfigValidationError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `false`, `true`, a hop count, or a comma-separated list of IP addresses or CIDR ranges. */
@ValidatorConstraint({ name: 'isTrustProxy' })
class IsTrustProxy implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    if (/^(true|false|\d+)$/.test(value)) return true;
    return value.split(',').every((item) => {
      const [address, bits, ...rest] = item.trim().split('/');
      const version = isIP(address);
      if (version === 0 || rest.length > 0) return false;
      return (
        bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128))
      );
    });
  }
  defaultMessage(): string {
    return 'TRUST_PROXY must be true, false, a hop count or a list of proxy IP addresses/CIDRs';
  }
}

/** Keys short enough to guess, or to be scrubbed from logs by accident, are refused; see parseApiKeys. */
@ValidatorConstraint({ name: 'areApiKeys' })
class AreApiKeys implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseApiKeys(value).ok;
  }
  defaultMessage(args?: ValidationArguments): string {
    const parsed = typeof args?.value === 'string' ? parseApiKeys(args.value) : undefined;
    const problems = parsed && !parsed.ok ? `: ${parsed.problems.join('; ')}` : '';
    return (
      `API_KEYS must be comma-separated keys of at least ${MIN_API_KEY_LENGTH} characters without ` +
      `spaces, each optionally after a label (label:key)${problems}`
    );
  }
}

/** An http(s) base URL without credentials (fetch refuses those; the key goes in OPENAI_API_KEY). */
@ValidatorConstraint({ name: 'isEndpointUrl' })
class IsEndpointUrl implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      const url = new URL(value);
      return ['http:', 'https:'].includes(url.protocol) && !url.username && !url.password;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'OPENAI_BASE_URL must be an http(s) URL without credentials, such as http://localhost:11434/v1';
  }
}

/** An smtp:// or smtps:// URL with a host. */
@ValidatorConstraint({ name: 'isSmtpUrl' })
class IsSmtpUrl implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      const url = new URL(value);
      return ['smtp:', 'smtps:'].includes(url.protocol) && url.hostname.length > 0;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'SMTP_URL must be smtp://user:password@host:587 or smtps://user:password@host:465';
  }
}

/**
 * imaps://user:password@host[:993] (implicit TLS) or imap://user:password@host[:143] (STARTTLS,
 * required unless the host is loopback), with a user and a password and no folder in the path.
 */
@ValidatorConstraint({ name: 'isImapUrl' })
class IsImapUrl implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      const url = new URL(value);
      return (
        ['imap:', 'imaps:'].includes(url.protocol) &&
        url.hostname.length > 0 &&
        url.port !== '0' &&
        url.username.length > 0 &&
        url.password.length > 0 &&
        ['', '/'].includes(url.pathname) &&
        !url.search &&
        !url.hash
      );
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'IMAP_URL must be imaps://user:password@host:993 or imap://user:password@host:143 (user and password URL-encoded; the folder goes in IMAP_MAILBOX)';
  }
}

/** A file that exists and can be read, e.g. a CA certificate. */
@ValidatorConstraint({ name: 'isReadableFile' })
class IsReadableFile implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      accessSync(value, constants.R_OK);
      return statSync(value).isFile();
    } catch {
      return false;
    }
  }
  defaultMessage(args?: ValidationArguments): string {
    return `${args?.property ?? 'The variable'} must be the path of a readable file`;
  }
}

/** An http(s) URL without credentials, named in the message by its variable. */
@ValidatorConstraint({ name: 'isPublicUrl' })
class IsPublicUrl extends IsEndpointUrl {
  override defaultMessage(args?: ValidationArguments): string {
    return `${args?.property ?? 'The URL'} must be an http(s) URL without credentials, such as https://zigral.example.com`;
  }
}

/**
 * An http(s) URL that may carry credentials (userinfo, or a token in its query): a webhook's.
 * Named in the message by its variable; its value is never echoed (SECRET_KEYS).
 */
@ValidatorConstraint({ name: 'isWebhookUrl' })
class IsWebhookUrl implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      const url = new URL(value);
      return ['http:', 'https:'].includes(url.protocol) && url.hostname.length > 0;
    } catch {
      return false;
    }
  }
  defaultMessage(args?: ValidationArguments): string {
    return `${args?.property ?? 'The URL'} must be an http(s) URL, such as https://hooks.example.com/zigral?token=…`;
  }
}

/** "+" and an outbox id (a UUID): what VERP adds to BOUNCE_ADDRESS's local part. */
const VERP_TAG_LENGTH = 37;

/** A plain address (no display name) whose VERP form, with BOUNCE_VERP on, fits a local part. */
@ValidatorConstraint({ name: 'isBounceAddress' })
class IsBounceAddress implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const parts = typeof value === 'string' ? splitPlainAddress(value) : null;
    if (!parts) return false;
    const verp = (args.object as EnvironmentVariables).BOUNCE_VERP !== 'false';
    return !verp || parts.local.length + VERP_TAG_LENGTH <= MAX_LOCAL_PART_LENGTH;
  }
  defaultMessage(): string {
    return `BOUNCE_ADDRESS must be a plain address such as bounces@acme.example (with BOUNCE_VERP=true, a local part of at most ${MAX_LOCAL_PART_LENGTH - VERP_TAG_LENGTH} characters)`;
  }
}

/** `{"model": {"input": n, "output": n}}` with non-negative USD prices per million tokens. */
@ValidatorConstraint({ name: 'isPriceTable' })
class IsPriceTable implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      const table = JSON.parse(value) as unknown;
      if (typeof table !== 'object' || table === null || Array.isArray(table)) return false;
      return Object.values(table).every(
        (price: unknown) =>
          typeof price === 'object' &&
          price !== null &&
          ['input', 'output'].every((key) => {
            const amount = (price as Record<string, unknown>)[key];
            return typeof amount === 'number' && amount >= 0;
          }),
      );
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'LLM_PRICES must be JSON like {"gpt-4o-mini":{"input":0.15,"output":0.6}} (USD per 1M tokens)';
  }
}

/** Test-only settings are refused when the process runs as production. */
@ValidatorConstraint({ name: 'isNotInProduction' })
class IsNotInProduction implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    return (args.object as EnvironmentVariables).NODE_ENV !== 'production';
  }
  defaultMessage(args?: ValidationArguments): string {
    return `${args?.property ?? 'The variable'} is a test-only setting and is refused with NODE_ENV=production`;
  }
}

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/**
 * With stopAtFirstError, the decorator nearest the property is checked first: the type check goes
 * there, so "abc" is reported as "must be an integer" rather than as out of range.
 *
 * Every environment variable Zigral reads, with its default. `.env.example` documents the same set.
 * Values arrive as strings; transforms turn them into the types below before validation.
 */
export class EnvironmentVariables {
  @Transform(toInt)
  @Max(65535)
  @Min(0)
  @IsInt()
  PORT = 3000;

  /** Bind address of the HTTP server. */
  @IsNotEmpty()
  @IsString()
  HOST = '0.0.0.0';

  @Transform(trimmed)
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'DATABASE_URL must be sqlite:<path> or postgres://user:pass@host:port/db',
  })
  DATABASE_URL = 'sqlite:data/zigral.sqlite';

  /** Postgres only: most connections this process opens to the database. */
  @Transform(toInt)
  @Max(200)
  @Min(2)
  @IsInt()
  DATABASE_POOL_SIZE = 10;

  /** Postgres only: a statement running longer than this is cancelled (0 = no limit). */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  DATABASE_STATEMENT_TIMEOUT_MS = 30000;

  /** Postgres only: how long a request waits for a free connection or for the server to answer a connect. */
  @Transform(toInt)
  @Min(100)
  @IsInt()
  DATABASE_CONNECT_TIMEOUT_MS = 5000;

  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsNotEmpty()
  @IsString()
  LOG_DIR = 'logs';

  /** Whether log lines also go to stdout (the files in LOG_DIR are always written). */
  @Transform(trimmed)
  @IsIn(['true', 'false'], { message: 'LOG_STDOUT must be true or false' })
  LOG_STDOUT = 'true';

  /**
   * Whether lines logged while answering a request carry that request (`req`): nestjs-pino's
   * AsyncLocalStorage, which costs CPU on every promise of every request.
   */
  @Transform(trimmed)
  @IsIn(['true', 'false'], { message: 'LOG_REQUEST_CONTEXT must be true or false' })
  LOG_REQUEST_CONTEXT = 'false';

  /** Largest accepted request body: bytes, or a size with a kb/mb unit. */
  @Transform(trimmed)
  @Matches(/^\d+(\.\d+)?\s*(b|kb|mb)?$/i, {
    message: 'BODY_LIMIT must be a size such as 1048576, 512kb or 1mb',
  })
  BODY_LIMIT = '1mb';

  /**
   * Comma-separated API keys of at least 16 characters each, each optionally after a label
   * (`label:key`, the label 1-40 characters of A-Za-z0-9_.-) that names its user in approvals;
   * unset means the API is open.
   */
  @IsOptional()
  @Validate(AreApiKeys)
  API_KEYS?: string;

  /** Comma-separated allowed CORS origins; unset disables CORS. `*` allows any origin. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** `false` (default), `true`, a hop count, or a comma-separated list of proxy addresses/CIDRs. */
  @Transform(trimmed)
  @Validate(IsTrustProxy)
  TRUST_PROXY = 'false';

  /** Requests per minute per client IP (all replicas together on Postgres), the global default that routes can tighten. */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  RATE_LIMIT = 600;

  /** How long a graceful shutdown may wait for in-flight requests. */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  SHUTDOWN_TIMEOUT_MS = 10000;

  /** `POST /command` requests per client IP per COMMAND_RATE_TTL_SECONDS (planning may call the LLM). */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  COMMAND_RATE_LIMIT = 5;

  @Transform(toInt)
  @Min(1)
  @IsInt()
  COMMAND_RATE_TTL_SECONDS = 60;

  /** Enables LLM planning; unset, the offline planner answers. */
  @IsOptional()
  @IsString()
  OPENAI_API_KEY?: string;

  /** An OpenAI-compatible server (Ollama, vLLM, a gateway) instead of api.openai.com. */
  @IsOptional()
  @Validate(IsEndpointUrl)
  OPENAI_BASE_URL?: string;

  /** At most 128 characters: the LLM usage ledger stores it with every call. */
  @IsNotEmpty()
  @IsString()
  @MaxLength(128)
  OPENAI_MODEL = 'gpt-4o-mini';

  @Transform(toInt)
  @Min(100)
  @IsInt()
  OPENAI_TIMEOUT_MS = 30000;

  /** Retries of the SDK itself on 429, 5xx, timeouts and connection errors. */
  @Transform(toInt)
  @Max(10)
  @Min(0)
  @IsInt()
  OPENAI_MAX_RETRIES = 2;

  /** LLM requests per minute across the service: the process, or all replicas on Postgres (0 = no limit). */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  LLM_RPM = 500;

  /** LLM tokens per minute across the service: the process, or all replicas on Postgres (0 = no limit). */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  LLM_TPM = 200000;

  /** Price table override, JSON: {"model": {"input": USD per 1M tokens, "output": USD per 1M tokens}}. */
  @IsOptional()
  @Validate(IsPriceTable)
  LLM_PRICES?: string;

  /** Most LLM tokens one job may use (0 = no budget). */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  JOB_TOKEN_BUDGET = 0;

  /** Jobs run at the same time by this process. */
  @Transform(toInt)
  @Max(64)
  @Min(1)
  @IsInt()
  JOB_CONCURRENCY = 4;

  /** How long a runner's claim on a job lasts unless renewed; a crashed runner's jobs are taken over after it. */
  @Transform(toInt)
  @Min(2)
  @IsInt()
  JOB_LEASE_SECONDS = 30;

  /** Most jobs one client (API key, or IP without keys) may have queued or running (0 = no limit). */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  JOB_QUEUE_LIMIT_PER_CLIENT = 100;

  /** Time limit of one attempt of a step (an action may set its own). */
  @Transform(toInt)
  @Min(1)
  @IsInt()
  JOB_STEP_TIMEOUT_SECONDS = 300;

  /** How long a plan preview (`run: false`) can be run with POST /plans/{id}/run; pruned after. */
  @Transform(toInt)
  @Max(7 * 24 * 3600)
  @Min(1)
  @IsInt()
  PLAN_PREVIEW_TTL_SECONDS = 3600;

  /** Checkpoints of jobs finished longer ago than this many days are pruned (0 = kept). */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  CHECKPOINT_RETENTION_DAYS = 0;

  /**
   * A prospects.search finding more prospects than this stores them as a prospect set and puts
   * a reference to it in the job state instead of the list (0 = always a set).
   */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  PROSPECT_SET_THRESHOLD = 1000;

  /** Prospects per batch when a step reads a prospect set (scoring, drafting, export). */
  @Transform(toInt)
  @Max(5000)
  @Min(1)
  @IsInt()
  PROSPECT_SET_BATCH_SIZE = 500;

  /** Load the fictional sample prospects on first start when the table is empty. */
  @Transform(trimmed)
  @IsIn(['true', 'false'], { message: 'SEED_SAMPLE_DATA must be true or false' })
  SEED_SAMPLE_DATA = 'true';

  /** Let company research fetch private, loopback and link-local addresses (tests only). */
  @Transform(trimmed)
  @IsIn(['true', 'false'], { message: 'RESEARCH_ALLOW_PRIVATE must be true or false' })
  RESEARCH_ALLOW_PRIVATE = 'false';

  /** Time limit of one website fetch of company research. */
  @Transform(toInt)
  @Min(100)
  @IsInt()
  RESEARCH_TIMEOUT_MS = 10000;

  /**
   * Largest CSV accepted by `POST /prospects/import` and its preview (a text/csv body or a
   * multipart file), counted as it streams: a million Apollo-style rows are about 230 MB.
   */
  @Transform(trimmed)
  @Matches(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, {
    message: 'IMPORT_MAX_BYTES must be a size such as 536870912, 512kb, 512mb or 1gb',
  })
  IMPORT_MAX_BYTES = '512mb';

  /**
   * GET /prospects counts its matches up to this many (a search with free text up to 5,000 at
   * least); beyond, `total` is this number and `total_is_lower_bound` true. Counting further
   * costs more than the page: over 1,100,000 prospects, 3,882 matches of a country, a tag and
   * "never emailed" took 67 ms to count, their page 0.1 ms (docs/prospect-search-performance.md).
   */
  @Transform(toInt)
  @Max(10_000_000)
  @Min(1)
  @IsInt()
  PROSPECTS_COUNT_BOUND = 1000;

  /** SMTP server for `email.send`: smtp://user:pass@host:587 or smtps://…:465; unset, sending is unavailable. */
  @IsOptional()
  @Validate(IsSmtpUrl)
  SMTP_URL?: string;

  /** Sender of outgoing email, e.g. `Ana from Acme <ana@acme.example>`; needed with SMTP_URL. */
  @IsOptional()
  @IsString()
  EMAIL_FROM?: string;

  /** Most messages `email.send` sends per UTC day, across jobs. */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  EMAIL_DAILY_LIMIT = 50;

  /** Pause between two messages sent (by any job or replica), in milliseconds. */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  EMAIL_PACING_MS = 2000;

  /**
   * Envelope sender (MAIL FROM, hence Return-Path) of outgoing messages, where bounces go, e.g.
   * `bounces@acme.example`; unset, the From address is the envelope sender.
   */
  @Transform(trimmed)
  @IsOptional()
  @Validate(IsBounceAddress)
  BOUNCE_ADDRESS?: string;

  /** With BOUNCE_ADDRESS: tag each message's envelope sender with its outbox id (`bounces+<id>@…`). */
  @Transform(trimmed)
  @IsIn(['true', 'false'], { message: 'BOUNCE_VERP must be true or false' })
  BOUNCE_VERP = 'true';

  /**
   * Replies classified "interested" are POSTed here as JSON (fire-and-forget, retried); unset,
   * nobody is notified. May carry a secret in its userinfo or query: never logged.
   */
  @Transform(trimmed)
  @IsOptional()
  @Validate(IsWebhookUrl)
  REPLY_WEBHOOK_URL?: string;

  /** Days an out-of-office answer without a readable return date postpones a sequence's next touch (1–90). */
  @Transform(toInt)
  @Max(90)
  @Min(1)
  @IsInt()
  MAILBOX_OOO_DEFAULT_DAYS = 7;

  /** The address recipients can reach this service at (unsubscribe links); default http://localhost:PORT. */
  @IsOptional()
  @Validate(IsPublicUrl)
  PUBLIC_URL?: string;

  /** Key that signs unsubscribe tokens (at least 32 characters); unset, one is made and kept in the database. */
  @IsOptional()
  @MinLength(32, { message: 'UNSUBSCRIBE_SECRET must be at least 32 characters' })
  @IsString()
  UNSUBSCRIBE_SECRET?: string;

  /**
   * The mailbox the watcher reads replies, bounces and opt-outs from (docs/mailbox.md):
   * imaps://user:password@host:993 (implicit TLS) or imap://user:password@host:143 (STARTTLS,
   * required unless the host is loopback); unset, no mailbox is watched.
   */
  @IsOptional()
  @Validate(IsImapUrl)
  IMAP_URL?: string;

  /** A CA certificate (PEM file) the IMAP server's certificate is checked against, for a private CA. */
  @IsOptional()
  @Validate(IsReadableFile)
  IMAP_TLS_CA?: string;

  /** The folder watched. */
  @Transform(trimmed)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  IMAP_MAILBOX = 'INBOX';

  /** How often the mailbox is checked for new messages, also as a safety net under IDLE. */
  @Transform(toInt)
  @Max(3600)
  @Min(1)
  @IsInt()
  IMAP_POLL_SECONDS = 60;

  /** A larger message is fetched as its headers and first part only (`truncated`). */
  @Transform(trimmed)
  @Matches(/^(?![0.]+\s*(b|kb|mb)?$)\d+(\.\d+)?\s*(b|kb|mb)?$/i, {
    message: 'IMAP_MAX_MESSAGE_BYTES must be a size above 0 such as 10485760, 512kb or 10mb',
  })
  IMAP_MAX_MESSAGE_BYTES = '10mb';

  /** Whether handed-over messages are flagged `\Seen` (the folder is then opened read-write). */
  @Transform(trimmed)
  @IsIn(['true', 'false'], { message: 'IMAP_MARK_SEEN must be true or false' })
  IMAP_MARK_SEEN = 'false';

  /** Folder for spreadsheet exports (XLSX and CSV); created if missing. */
  @IsNotEmpty()
  @IsString()
  EXPORT_DIR = 'data/exports';

  /** Export files older than this many days are removed hourly (0 = kept). */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  EXPORT_RETENTION_DAYS = 0;

  /** A Google service account key for `export.google_sheets`: the JSON itself, or a path to the file. */
  @IsOptional()
  @IsString()
  GOOGLE_SERVICE_ACCOUNT_JSON?: string;

  /** The Google Sheet `export.google_sheets` appends to (the id in its URL). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{10,200}$/, {
    message:
      'GOOGLE_SHEETS_SPREADSHEET_ID must be the id from the sheet URL (letters, digits, _ and -)',
  })
  GOOGLE_SHEETS_SPREADSHEET_ID?: string;

  /** Root URL of the Sheets API (tests point it at a local fake); default https://sheets.googleapis.com/. */
  @IsOptional()
  @Validate(IsPublicUrl)
  GOOGLE_SHEETS_ROOT_URL?: string;

  /** Token budget of the past plans shown to the LLM as examples (0 = none). */
  @Transform(toInt)
  @Min(0)
  @IsInt()
  PLANNER_HISTORY_TOKENS = 1500;

  /** `production` in deployments (the Docker image sets it): test-only settings are then refused. */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /**
   * Tests only: a file holding a clock offset in milliseconds (an integer, may be negative) that
   * the injectable clock adds to the system time, re-read when the file changes (checked at most
   * every 50 ms), so a test can move the time of a running service; a missing file is offset 0.
   * Refused with NODE_ENV=production.
   */
  @IsOptional()
  @Validate(IsNotInProduction)
  @IsNotEmpty()
  @IsString()
  ZIGRAL_TEST_CLOCK_FILE?: string;
}

/** Variables whose values may hold credentials: never echoed in an error or a log. */
const SECRET_KEYS = new Set([
  'API_KEYS',
  'DATABASE_URL',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'SMTP_URL',
  'IMAP_URL',
  'UNSUBSCRIBE_SECRET',
  'REPLY_WEBHOOK_URL',
  'GOOGLE_SERVICE_ACCOUNT_JSON',
]);

/** Validates raw environment strings against the schema; throws one line naming every bad variable. */
export function validateEnv(raw: Record<string, string | undefined>): EnvironmentVariables {
  // Every field is an own property (ES2022 class fields), optional ones included.
  const schemaKeys = new Set(Object.keys(new EnvironmentVariables()));
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    // An empty value means "use the default", as in most dotenv tooling.
    if (schemaKeys.has(key) && value !== undefined && value !== '') input[key] = value;
  }
  const env = plainToInstance(EnvironmentVariables, input);
  const errors = validateSync(env, { stopAtFirstError: true });
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const messages = Object.values(error.constraints ?? {}).join(', ');
      const shown = SECRET_KEYS.has(error.property)
        ? ''
        : `=${JSON.stringify(input[error.property] ?? '')}`;
      return `${error.property}${shown}: ${messages}`;
    });
    throw new ConfigValidationError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return env;
}
