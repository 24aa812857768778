import { parse } from 'dotenv';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, parseSize } from './app-config';
import { ConfigValidationError, EnvironmentVariables, validateEnv } from './env.schema';
import { loadAppConfig } from './load-environment';

describe('environment schema', () => {
  it('starts with defaults and nothing set', () => {
    const config = new AppConfig(validateEnv({}));
    expect(config).toMatchObject({
      port: 3000,
      database: { type: 'sqlite', path: 'data/zigral.sqlite' },
      logLevel: 'info',
      logDir: 'logs',
      logToStdout: true,
      bodyLimitBytes: 1024 * 1024,
      apiKeys: [],
      corsOrigins: [],
      trustProxy: false,
      rateLimitPerMinute: 600,
      prospectsCountBound: 1000,
    });
  });

  it('parses every variable into its type', () => {
    const config = new AppConfig(
      validateEnv({
        PORT: '8080',
        DATABASE_URL: 'postgres://zigral:pw-secret@db:5432/zigral',
        LOG_LEVEL: 'DEBUG',
        BODY_LIMIT: '512kb',
        API_KEYS: ' key-one-0123456789 , key-two-0123456789 ,',
        CORS_ORIGINS: 'https://a.example.com,https://b.example.com',
        TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
        RATE_LIMIT: '120',
        LOG_STDOUT: 'false',
      }),
    );
    expect(config).toMatchObject({
      port: 8080,
      database: { type: 'postgres', url: 'postgres://zigral:pw-secret@db:5432/zigral' },
      logLevel: 'debug',
      bodyLimitBytes: 512 * 1024,
      apiKeys: [
        { label: 'key-1', key: 'key-one-0123456789' },
        { label: 'key-2', key: 'key-two-0123456789' },
      ],
      corsOrigins: ['https://a.example.com', 'https://b.example.com'],
      trustProxy: ['10.0.0.0/8', '127.0.0.1'],
      rateLimitPerMinute: 120,
      logToStdout: false,
    });
    expect(config.secrets).toEqual(['key-one-0123456789', 'key-two-0123456789', 'pw-secret']);
  });

  it.each([
    ['PORT', 'abc', /^Invalid configuration: PORT="abc": PORT must be an integer/],
    ['PORT', '70000', /PORT must not be greater than 65535/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud": LOG_LEVEL must be one of fatal, error/],
    ['BODY_LIMIT', 'huge', /BODY_LIMIT="huge": BODY_LIMIT must be a size/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: DATABASE_URL must be sqlite:<path> or postgres/],
    ['TRUST_PROXY', 'maybe', /TRUST_PROXY="maybe"/],
    ['RATE_LIMIT', '0', /RATE_LIMIT must not be less than 1/],
    ['TRUST_PROXY', 'fade', /TRUST_PROXY="fade": TRUST_PROXY must be/],
    ['TRUST_PROXY', '10.0.0.0/33', /TRUST_PROXY="10.0.0.0\/33"/],
    [
      'API_KEYS',
      'short',
      /^Invalid configuration: API_KEYS: API_KEYS must be comma-separated keys of at least 16/,
    ],
    [
      'API_KEYS',
      'a:abcdefghijklmnopq,a:bcdefghijklmnopqr',
      /entries 1 and 2 have the same label "a"/,
    ],
  ])('rejects %s=%s with one line naming it', (key, value, expected) => {
    let error: unknown;
    try {
      validateEnv({ [key]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('names every bad variable at once, and never echoes a database URL', () => {
    expect(() =>
      validateEnv({ PORT: 'x', LOG_LEVEL: 'y', DATABASE_URL: 'mysql://u:hunter22@h/db' }),
    ).toThrow(/PORT="x".*DATABASE_URL: .*LOG_LEVEL="y"/);
    expect(() => validateEnv({ DATABASE_URL: 'mysql://u:hunter22@h/db' })).not.toThrow(/hunter22/);
    // Longer than the usage ledger's column.
    expect(() => validateEnv({ OPENAI_MODEL: 'm'.repeat(129) })).toThrow(/OPENAI_MODEL/);
  });

  it('accepts proxy addresses and CIDRs, and scrubs both forms of an encoded password', () => {
    const config = new AppConfig(
      validateEnv({
        TRUST_PROXY: '10.0.0.0/8, ::1, 192.168.1.7',
        DATABASE_URL: 'postgres://u:p%40ss%2Fword@db/zigral',
      }),
    );
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '::1', '192.168.1.7']);
    expect(config.secrets).toEqual(['p%40ss%2Fword', 'p@ss/word']);
    const malformed = new AppConfig(validateEnv({ DATABASE_URL: 'postgres://u:%zz-pass@db/x' }));
    expect(malformed.secrets).toEqual(['%zz-pass']);
  });

  it('configures the LLM: off by default, on with a key, prices merged from JSON', () => {
    expect(new AppConfig(validateEnv({})).llm).toEqual({
      apiKey: undefined,
      baseUrl: undefined,
      model: 'gpt-4o-mini',
      timeoutMs: 30000,
      maxRetries: 2,
      requestsPerMinute: 500,
      tokensPerMinute: 200000,
      prices: {},
      jobTokenBudget: 0,
      historyTokens: 1500,
    });
    const config = new AppConfig(
      validateEnv({
        OPENAI_API_KEY: 'sk-live-0123456789',
        OPENAI_BASE_URL: 'http://localhost:11434/v1',
        OPENAI_MODEL: 'llama3.1',
        LLM_PRICES: '{"llama3.1":{"input":0,"output":0}}',
        JOB_TOKEN_BUDGET: '20000',
        COMMAND_RATE_LIMIT: '10',
        COMMAND_RATE_TTL_SECONDS: '30',
      }),
    );
    expect(config.llm).toMatchObject({
      apiKey: 'sk-live-0123456789',
      model: 'llama3.1',
      prices: { 'llama3.1': { input: 0, output: 0 } },
      jobTokenBudget: 20000,
    });
    expect(config.commandRateLimit).toEqual({ limit: 10, ttlMs: 30000 });
    expect(config.llm.baseUrl).toBe('http://localhost:11434/v1');
    expect(config.secrets).toEqual(['sk-live-0123456789']);
  });

  it.each([
    ['OPENAI_BASE_URL', 'localhost:11434', /OPENAI_BASE_URL must be an http\(s\) URL/],
    ['OPENAI_BASE_URL', 'http://u:pw@localhost/v1', /URL without credentials/],
    ['LLM_PRICES', '{"m":{"input":-1,"output":1}}', /LLM_PRICES must be JSON like/],
    ['LLM_PRICES', 'cheap', /LLM_PRICES must be JSON like/],
    ['OPENAI_MAX_RETRIES', '11', /OPENAI_MAX_RETRIES must not be greater than 10/],
    ['COMMAND_RATE_LIMIT', '0', /COMMAND_RATE_LIMIT must not be less than 1/],
    ['SMTP_URL', 'http://mail.example', /SMTP_URL must be smtp:\/\/user:password@host:587/],
    ['PUBLIC_URL', 'zigral.example', /PUBLIC_URL must be an http\(s\) URL without credentials/],
    ['UNSUBSCRIBE_SECRET', 'short', /UNSUBSCRIBE_SECRET must be at least 32 characters/],
    ['GOOGLE_SHEETS_SPREADSHEET_ID', 'a b', /GOOGLE_SHEETS_SPREADSHEET_ID must be the id/],
    ['IMPORT_MAX_BYTES', 'lots', /IMPORT_MAX_BYTES must be a size/],
    ['PROSPECTS_COUNT_BOUND', '0', /PROSPECTS_COUNT_BOUND must not be less than 1/],
    ['BOUNCE_ADDRESS', 'Bounces <b@acme.example>', /BOUNCE_ADDRESS must be a plain address/],
    ['BOUNCE_ADDRESS', `${'b'.repeat(28)}@acme.example`, /local part of at most 27/],
    ['BOUNCE_VERP', 'yes', /BOUNCE_VERP must be true or false/],
    ['REPLY_WEBHOOK_URL', 'hooks.example.com/x', /REPLY_WEBHOOK_URL must be an http\(s\) URL/],
  ])('rejects %s=%s', (key, value, expected) => {
    expect(() => validateEnv({ [key]: value })).toThrow(expected);
  });

  it('configures email and exports, with their credentials kept out of logs and errors', () => {
    const privateKey =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    const account = JSON.stringify({ client_email: 'bot@p.iam.example', private_key: privateKey });
    const config = new AppConfig(
      validateEnv({
        PORT: '8080',
        SMTP_URL: 'smtp://mailer:smtp-pass-1@mail.example:587',
        EMAIL_FROM: 'Ana <ana@acme.example>',
        UNSUBSCRIBE_SECRET: 'u'.repeat(40),
        GOOGLE_SERVICE_ACCOUNT_JSON: account,
        IMPORT_MAX_BYTES: '5mb',
      }),
    );
    expect(config.email).toMatchObject({ from: 'Ana <ana@acme.example>', dailyLimit: 50 });
    expect(config.publicUrl).toBe('http://localhost:8080');
    expect(config.importMaxBytes).toBe(5 * 1024 * 1024);
    expect(config.secrets).toEqual(
      expect.arrayContaining(['smtp-pass-1', 'u'.repeat(40), account, privateKey]),
    );
    expect(config.secrets).toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    expect(() => validateEnv({ SMTP_URL: 'smtp://u:smtp-pass-2@' })).not.toThrow(/smtp-pass-2/);
    expect(new AppConfig(validateEnv({ PUBLIC_URL: 'https://z.example/' })).publicUrl).toBe(
      'https://z.example',
    );
  });

  it('configures the watched mailbox: TLS by scheme, STARTTLS required except on loopback', () => {
    expect(new AppConfig(validateEnv({})).mailbox).toEqual({
      url: undefined,
      server: undefined,
      tlsCaFile: undefined,
      folder: 'INBOX',
      pollMs: 60_000,
      maxMessageBytes: 10 * 1024 * 1024,
      markSeen: false,
    });
    const config = new AppConfig(
      validateEnv({
        IMAP_URL: 'imaps://ana%40acme.example:p%40ss%2Fw%3Ard@imap.acme.example',
        IMAP_MAILBOX: 'Replies',
        IMAP_POLL_SECONDS: '15',
        IMAP_MAX_MESSAGE_BYTES: '512kb',
        IMAP_MARK_SEEN: 'true',
      }),
    );
    expect(config.mailbox).toMatchObject({
      server: {
        host: 'imap.acme.example',
        port: 993,
        implicitTls: true,
        requireStartTls: false,
        user: 'ana@acme.example',
        password: 'p@ss/w:rd',
      },
      folder: 'Replies',
      pollMs: 15_000,
      maxMessageBytes: 512 * 1024,
      markSeen: true,
    });
    expect(config.secrets).toEqual(['p%40ss%2Fw%3Ard', 'p@ss/w:rd']);
    const plain = (url: string) => new AppConfig(validateEnv({ IMAP_URL: url })).mailbox.server;
    expect(plain('imap://u:secret@mail.example')).toMatchObject({
      port: 143,
      implicitTls: false,
      requireStartTls: true,
    });
    for (const host of ['127.0.0.1:1143', 'localhost', '[::1]:143']) {
      expect(plain(`imap://u:secret@${host}`)?.requireStartTls).toBe(false);
    }
    expect(plain('imap://u:secret@[::1]:1143')?.host).toBe('::1');
  });

  it.each([
    [
      'IMAP_URL',
      'https://u:p@mail.example',
      /IMAP_URL: IMAP_URL must be imaps:\/\/user:password@host:993/,
    ],
    ['IMAP_URL', 'imaps://mail.example', /IMAP_URL must be imaps:/],
    ['IMAP_URL', 'imaps://u:p@mail.example:0', /IMAP_URL must be imaps:/],
    ['IMAP_MAX_MESSAGE_BYTES', '0', /IMAP_MAX_MESSAGE_BYTES must be a size above 0/],
    ['IMAP_MAX_MESSAGE_BYTES', '0kb', /IMAP_MAX_MESSAGE_BYTES must be a size above 0/],
    ['IMAP_URL', 'imaps://user@mail.example', /IMAP_URL must be imaps:/],
    ['IMAP_URL', 'imaps://u:p@mail.example/INBOX', /the folder goes in IMAP_MAILBOX/],
    ['IMAP_TLS_CA', '/nonexistent/ca.pem', /IMAP_TLS_CA must be the path of a readable file/],
    ['IMAP_POLL_SECONDS', '0', /IMAP_POLL_SECONDS must not be less than 1/],
    ['IMAP_POLL_SECONDS', 'often', /IMAP_POLL_SECONDS must be an integer/],
    ['IMAP_MAX_MESSAGE_BYTES', 'big', /IMAP_MAX_MESSAGE_BYTES must be a size/],
    ['IMAP_MARK_SEEN', 'yes', /IMAP_MARK_SEEN must be true or false/],
  ])('rejects %s=%s naming it', (key, value, expected) => {
    expect(() => validateEnv({ [key]: value })).toThrow(expected);
  });

  it('never echoes the IMAP password', () => {
    expect(() => validateEnv({ IMAP_URL: 'imap://u:hunter22-imap@/' })).toThrow(/IMAP_URL: /);
    expect(() => validateEnv({ IMAP_URL: 'imap://u:hunter22-imap@/' })).not.toThrow(/hunter22/);
  });

  it('scrubs the private key of a service account key file named by path', () => {
    const privateKey =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASD\n-----END PRIVATE KEY-----\n';
    const file = join(mkdtempSync(join(tmpdir(), 'zigral-key-')), 'key.json');
    writeFileSync(
      file,
      JSON.stringify({ client_email: 'bot@p.iam.example', private_key: privateKey }),
    );
    const config = new AppConfig(validateEnv({ GOOGLE_SERVICE_ACCOUNT_JSON: file }));
    expect(config.secrets).toEqual(expect.arrayContaining([privateKey]));
    expect(config.secrets).toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASD');
    expect(config.secrets).not.toContain(file);
    const missing = new AppConfig(validateEnv({ GOOGLE_SERVICE_ACCOUNT_JSON: `${file}.gone` }));
    expect(missing.secrets).toEqual([]);
  });

  it('takes a bounce address, VERP on unless turned off; a long local part only without VERP', () => {
    const on = new AppConfig(validateEnv({ BOUNCE_ADDRESS: ' bounces@acme.example ' }));
    expect(on.email).toMatchObject({ bounceAddress: 'bounces@acme.example', verp: true });
    const long = `${'b'.repeat(40)}@acme.example`;
    const off = new AppConfig(validateEnv({ BOUNCE_ADDRESS: long, BOUNCE_VERP: 'false' }));
    expect(off.email).toMatchObject({ bounceAddress: long, verp: false });
    expect(new AppConfig(validateEnv({})).email.bounceAddress).toBeUndefined();
  });

  it('keeps the reply webhook URL and its credentials out of logs and errors', () => {
    const url = 'https://hook-user:hook-pass-9@hooks.example.com/in?token=tok%2Fsecret-7&v=2';
    const config = new AppConfig(validateEnv({ REPLY_WEBHOOK_URL: url }));
    expect(config.replyWebhookUrl).toBe(url);
    expect(config.secrets).toEqual(
      expect.arrayContaining([url, 'hook-user', 'hook-pass-9', 'tok%2Fsecret-7', 'tok/secret-7']),
    );
    expect(() => validateEnv({ REPLY_WEBHOOK_URL: 'ftp://u:hook-pass-8@h' })).not.toThrow(
      /hook-pass-8/,
    );
  });

  it('never echoes the OpenAI key or base URL', () => {
    expect(() => validateEnv({ OPENAI_BASE_URL: 'ftp://u:hunter22@h' })).not.toThrow(/hunter22/);
  });

  it('takes a test clock file, and refuses it with NODE_ENV=production, naming the variable', () => {
    expect(new AppConfig(validateEnv({})).testClockFile).toBeUndefined();
    expect(
      new AppConfig(validateEnv({ ZIGRAL_TEST_CLOCK_FILE: '/tmp/clock', NODE_ENV: 'test' }))
        .testClockFile,
    ).toBe('/tmp/clock');
    expect(() =>
      validateEnv({ ZIGRAL_TEST_CLOCK_FILE: '/tmp/clock', NODE_ENV: 'production' }),
    ).toThrow(
      /^Invalid configuration: ZIGRAL_TEST_CLOCK_FILE="\/tmp\/clock": ZIGRAL_TEST_CLOCK_FILE is a test-only setting and is refused with NODE_ENV=production$/,
    );
    expect(() =>
      loadAppConfig(
        { ZIGRAL_TEST_CLOCK_FILE: '/tmp/clock', NODE_ENV: 'production' },
        join(tmpdir(), 'no-such-dir', '.env'),
      ),
    ).toThrow(ConfigValidationError);
    expect(validateEnv({ NODE_ENV: 'production' }).NODE_ENV).toBe('production');
  });

  it('treats an empty value as unset', () => {
    expect(validateEnv({ PORT: '' }).PORT).toBe(3000);
  });

  it('parses sizes', () => {
    expect(parseSize('100')).toBe(100);
    expect(parseSize('2kb')).toBe(2048);
    expect(parseSize('1.5MB')).toBe(1.5 * 1024 * 1024);
    expect(parseSize('1gb')).toBe(1024 ** 3);
  });

  it('accepts a million-row CSV by default (IMPORT_MAX_BYTES 512mb)', () => {
    expect(new AppConfig(validateEnv({})).importMaxBytes).toBe(512 * 1024 * 1024);
  });
});

describe('loadAppConfig', () => {
  it('reads a .env file, with process variables taking precedence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zigral-env-'));
    const envFile = join(dir, '.env');
    writeFileSync(envFile, 'PORT=4000\nLOG_LEVEL=debug\n# comment\n');
    try {
      const config = loadAppConfig({ LOG_LEVEL: 'warn' }, envFile);
      expect(config.port).toBe(4000);
      expect(config.logLevel).toBe('warn');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works without a .env file', () => {
    expect(loadAppConfig({}, join(tmpdir(), 'no-such-dir', '.env')).port).toBe(3000);
  });
});

describe('.env.example', () => {
  const example = parse(readFileSync(join(__dirname, '..', '..', '.env.example')));

  it('documents every variable of the schema, and nothing else', () => {
    const schemaKeys = Object.keys(new EnvironmentVariables());
    expect(Object.keys(example).sort()).toEqual(schemaKeys.sort());
  });

  it('holds the defaults', () => {
    expect(new AppConfig(validateEnv(example))).toEqual(new AppConfig(validateEnv({})));
  });
});
