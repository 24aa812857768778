import { readFileSync } from 'node:fs';
import { ApiKey, parseApiKeys } from './api-keys.util';
import { EnvironmentVariables, LogLevel } from './env.schema';
import { MailboxConfig, parseImapUrl } from './mailbox-config';

/** USD per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/** How the process talks to an LLM; `apiKey` unset means the offline planner answers. */
export interface LlmConfig {
  apiKey?: string;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  requestsPerMinute: number;
  tokensPerMinute: number;
  prices: Record<string, ModelPrice>;
  jobTokenBudget: number;
  historyTokens: number;
}

/** How the job runner works. */
export interface JobsConfig {
  concurrency: number;
  leaseMs: number;
  stepTimeoutMs: number;
  checkpointRetentionDays: number;
  /** Queued and running jobs one client may have; 0 = no limit. */
  queueLimitPerClient: number;
  /** How long a plan preview can be run (POST /plans/{id}/run) before it expires. */
  planPreviewTtlMs: number;
}

/** How steps pass large prospect lists: as stored prospect sets, read in batches. */
export interface ProspectSetsConfig {
  /** A search finding more prospects than this writes a set instead of the list (0: always). */
  threshold: number;
  batchSize: number;
}

/** Outgoing email; `email.send` is unavailable without `smtpUrl` and `from`. */
export interface EmailConfig {
  smtpUrl?: string;
  from?: string;
  dailyLimit: number;
  pacingMs: number;
  /** Signs unsubscribe tokens; unset, the email module makes one and keeps it in the database. */
  unsubscribeSecret?: string;
  /** The envelope sender (MAIL FROM) where bounces go; unset, the From address is. */
  bounceAddress?: string;
  /** Tag the envelope sender with the outbox id (VERP): `bounces+<id>@…`. */
  verp: boolean;
}

/** How the mailbox intake applies what arrives. */
export interface MailboxIntakeConfig {
  /** Days an out-of-office answer without a return date postpones a sequence's next touch. */
  outOfOfficeDefaultDays: number;
}

/** Spreadsheet exports; `export.google_sheets` is unavailable without the account and the sheet. */
export interface ExportConfig {
  dir: string;
  /** Files older than this many days are removed (0: kept). */
  retentionDays: number;
  /** The service account key: JSON text, or a path to the JSON file. */
  googleServiceAccountJson?: string;
  googleSpreadsheetId?: string;
  googleSheetsRootUrl?: string;
}

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | {
      type: 'postgres';
      url: string;
      poolSize: number;
      statementTimeoutMs: number;
      connectTimeoutMs: number;
    };

/**
 * The validated, typed configuration every module reads (the one place that reads the environment
 * is `loadEnvironment`). Inject it as `AppConfig`.
 */
export class AppConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly logLevel: LogLevel;
  readonly logDir: string;
  readonly logToStdout: boolean;
  /** Bind lines logged during a request to it (AsyncLocalStorage: about 20 µs per request). */
  readonly logRequestContext: boolean;
  readonly bodyLimitBytes: number;
  /** The accepted keys and their labels (API_KEYS); empty: the API is open. */
  readonly apiKeys: ApiKey[];
  readonly corsOrigins: string[];
  readonly trustProxy: boolean | number | string[];
  readonly rateLimitPerMinute: number;
  readonly shutdownTimeoutMs: number;
  readonly commandRateLimit: { limit: number; ttlMs: number };
  readonly llm: LlmConfig;
  readonly jobs: JobsConfig;
  readonly prospectSets: ProspectSetsConfig;
  readonly seedSampleData: boolean;
  readonly research: { allowPrivateAddresses: boolean; timeoutMs: number };
  readonly importMaxBytes: number;
  /** GET /prospects counts matches up to this many (more: a lower bound). */
  readonly prospectsCountBound: number;
  readonly email: EmailConfig;
  readonly mailboxIntake: MailboxIntakeConfig;
  /** Where recipients reach this service (unsubscribe links), without a trailing slash. */
  readonly publicUrl: string;
  readonly exports: ExportConfig;
  /** Where replies classified "interested" are POSTed (REPLY_WEBHOOK_URL); may hold a secret. */
  readonly replyWebhookUrl?: string;
  /** The watched mailbox (IMAP_*). */
  readonly mailbox: MailboxConfig;
  /** Tests only: the clock offset file (ZIGRAL_TEST_CLOCK_FILE); unset, the clock is the system's. */
  readonly testClockFile?: string;

  constructor(env: EnvironmentVariables) {
    this.port = env.PORT;
    this.host = env.HOST;
    this.database = parseDatabaseUrl(env.DATABASE_URL, {
      poolSize: env.DATABASE_POOL_SIZE,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    });
    this.logLevel = env.LOG_LEVEL;
    this.logDir = env.LOG_DIR;
    this.logToStdout = env.LOG_STDOUT === 'true';
    this.logRequestContext = env.LOG_REQUEST_CONTEXT === 'true';
    this.bodyLimitBytes = parseSize(env.BODY_LIMIT);
    const apiKeys = parseApiKeys(env.API_KEYS);
    // validateEnv refused any problem already.
    this.apiKeys = apiKeys.ok ? apiKeys.keys : [];
    this.corsOrigins = splitList(env.CORS_ORIGINS);
    this.trustProxy = parseTrustProxy(env.TRUST_PROXY);
    this.rateLimitPerMinute = env.RATE_LIMIT;
    this.shutdownTimeoutMs = env.SHUTDOWN_TIMEOUT_MS;
    this.commandRateLimit = {
      limit: env.COMMAND_RATE_LIMIT,
      ttlMs: env.COMMAND_RATE_TTL_SECONDS * 1000,
    };
    this.llm = {
      apiKey: env.OPENAI_API_KEY?.trim() || undefined,
      baseUrl: env.OPENAI_BASE_URL,
      model: env.OPENAI_MODEL,
      timeoutMs: env.OPENAI_TIMEOUT_MS,
      maxRetries: env.OPENAI_MAX_RETRIES,
      requestsPerMinute: env.LLM_RPM,
      tokensPerMinute: env.LLM_TPM,
      prices: env.LLM_PRICES ? (JSON.parse(env.LLM_PRICES) as Record<string, ModelPrice>) : {},
      jobTokenBudget: env.JOB_TOKEN_BUDGET,
      historyTokens: env.PLANNER_HISTORY_TOKENS,
    };
    this.seedSampleData = env.SEED_SAMPLE_DATA === 'true';
    this.research = {
      allowPrivateAddresses: env.RESEARCH_ALLOW_PRIVATE === 'true',
      timeoutMs: env.RESEARCH_TIMEOUT_MS,
    };
    this.importMaxBytes = parseSize(env.IMPORT_MAX_BYTES);
    this.prospectsCountBound = env.PROSPECTS_COUNT_BOUND;
    this.email = {
      smtpUrl: env.SMTP_URL?.trim() || undefined,
      from: env.EMAIL_FROM?.trim() || undefined,
      dailyLimit: env.EMAIL_DAILY_LIMIT,
      pacingMs: env.EMAIL_PACING_MS,
      unsubscribeSecret: env.UNSUBSCRIBE_SECRET,
      bounceAddress: env.BOUNCE_ADDRESS || undefined,
      verp: env.BOUNCE_VERP === 'true',
    };
    this.replyWebhookUrl = env.REPLY_WEBHOOK_URL || undefined;
    this.mailboxIntake = { outOfOfficeDefaultDays: env.MAILBOX_OOO_DEFAULT_DAYS };
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    this.exports = {
      dir: env.EXPORT_DIR,
      retentionDays: env.EXPORT_RETENTION_DAYS,
      googleServiceAccountJson: env.GOOGLE_SERVICE_ACCOUNT_JSON?.trim() || undefined,
      googleSpreadsheetId: env.GOOGLE_SHEETS_SPREADSHEET_ID,
      googleSheetsRootUrl: env.GOOGLE_SHEETS_ROOT_URL,
    };
    const imapUrl = env.IMAP_URL?.trim() || undefined;
    this.mailbox = {
      url: imapUrl,
      server: imapUrl ? parseImapUrl(imapUrl) : undefined,
      tlsCaFile: env.IMAP_TLS_CA?.trim() || undefined,
      folder: env.IMAP_MAILBOX,
      pollMs: env.IMAP_POLL_SECONDS * 1000,
      maxMessageBytes: parseSize(env.IMAP_MAX_MESSAGE_BYTES),
      markSeen: env.IMAP_MARK_SEEN === 'true',
    };
    this.testClockFile = env.ZIGRAL_TEST_CLOCK_FILE?.trim() || undefined;
    this.jobs = {
      concurrency: env.JOB_CONCURRENCY,
      leaseMs: env.JOB_LEASE_SECONDS * 1000,
      stepTimeoutMs: env.JOB_STEP_TIMEOUT_SECONDS * 1000,
      checkpointRetentionDays: env.CHECKPOINT_RETENTION_DAYS,
      queueLimitPerClient: env.JOB_QUEUE_LIMIT_PER_CLIENT,
      planPreviewTtlMs: env.PLAN_PREVIEW_TTL_SECONDS * 1000,
    };
    this.prospectSets = {
      threshold: env.PROSPECT_SET_THRESHOLD,
      batchSize: env.PROSPECT_SET_BATCH_SIZE,
    };
  }

  /** Values that must never reach a log line or a response. */
  get secrets(): string[] {
    const secrets = this.apiKeys.map((apiKey) => apiKey.key);
    if (this.llm.apiKey) secrets.push(this.llm.apiKey);
    if (this.database.type === 'postgres') {
      // Both forms: as written in the URL, and percent-decoded as the driver sends it.
      const password = safeUrl(this.database.url)?.password;
      if (password) secrets.push(password, safeDecode(password));
    }
    const smtpPassword = this.email.smtpUrl ? safeUrl(this.email.smtpUrl)?.password : undefined;
    if (smtpPassword) secrets.push(smtpPassword, safeDecode(smtpPassword));
    const imapPassword = this.mailbox.url ? safeUrl(this.mailbox.url)?.password : undefined;
    if (imapPassword) secrets.push(imapPassword, safeDecode(imapPassword));
    if (this.email.unsubscribeSecret) secrets.push(this.email.unsubscribeSecret);
    secrets.push(...serviceAccountSecrets(this.exports.googleServiceAccountJson));
    secrets.push(...webhookUrlSecrets(this.replyWebhookUrl));
    return [...new Set(secrets)].filter((secret) => secret.length >= 4);
  }
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (!match) throw new Error(`Not a size: ${value}`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[unit] ?? 1;
  return Math.floor(Number(match[1]) * factor);
}

/** Postgres settings when DATABASE_URL names no other (the env schema's defaults). */
export const POSTGRES_DEFAULTS = {
  poolSize: 10,
  statementTimeoutMs: 30_000,
  connectTimeoutMs: 5000,
};

export function parseDatabaseUrl(
  url: string,
  postgres: typeof POSTGRES_DEFAULTS = POSTGRES_DEFAULTS,
): DatabaseConfig {
  if (url.startsWith('sqlite:')) return { type: 'sqlite', path: url.slice('sqlite:'.length) };
  return { type: 'postgres', url, ...postgres };
}

export function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return splitList(value);
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * What of a webhook URL may be a credential: the URL itself, its userinfo and every query value,
 * as written and percent-decoded. (A secret in its path, as some services use, is covered by the
 * URL as a whole, and by logging only the URL's origin.)
 */
function webhookUrlSecrets(value: string | undefined): string[] {
  const url = value ? safeUrl(value) : undefined;
  if (!value || !url) return [];
  const queryValues = url.search
    .slice(1)
    .split('&')
    .map((pair) => pair.slice(pair.indexOf('=') + 1));
  const parts = [url.username, url.password, ...queryValues].filter(Boolean);
  return [value, url.href, ...parts.flatMap((part) => [part, safeDecode(part)])];
}

/**
 * The private key of the service account, as written and as it appears in a JSON log line: from
 * the JSON itself, or read from the key file the variable names (an unreadable file has nothing
 * to scrub; the export reports it).
 */
function serviceAccountSecrets(source: string | undefined): string[] {
  if (!source) return [];
  if (source.trimStart().startsWith('{')) return keySecrets(source);
  try {
    return keySecrets(readFileSync(source, 'utf8'));
  } catch {
    return [];
  }
}

function keySecrets(json: string): string[] {
  try {
    const key = (JSON.parse(json) as { private_key?: unknown }).private_key;
    if (typeof key !== 'string' || key.length === 0) return [json];
    // The PEM body lines are the secret part; each is scrubbed wherever it appears.
    const lines = key.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'));
    return [json, key, JSON.stringify(key).slice(1, -1), ...lines];
  } catch {
    return [json];
  }
}
