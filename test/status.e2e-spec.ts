import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, TestApp } from './helpers/create-test-app';

/** GET /status: the installation for the web app's Status page, with what to set, and no secret. */
const KEY = 'status-ops-key-0123456789';
const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

type Feature = { name: string; available: boolean; reason: string | null };
const feature = (body: { features: Feature[] }, name: string) =>
  body.features.find((entry) => entry.name === name);

describe('GET /status on a bare installation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { API_KEYS: `ops:${KEY}` } });
  });
  afterAll(() => t.destroy());

  it('needs an API key, while /health stays open', async () => {
    await request(t.server).get('/status').expect(401);
    await request(t.server).get('/health').expect(200);
  });

  it('reports the version, the engine, the offline planner and the caller', async () => {
    const body = (await request(t.server).get('/status').set('X-API-Key', KEY).expect(200)).body;
    expect(body).toMatchObject({
      version: VERSION,
      database: { engine: t.config.database.type },
      planner: { mode: 'offline', model: null, reason: expect.stringContaining('OPENAI_API_KEY') },
      auth: { api_keys: true, actor: 'ops' },
    });
  });

  it('says what to set for each feature that is off', async () => {
    const body = (await request(t.server).get('/status').set('X-API-Key', KEY).expect(200)).body;
    expect(feature(body, 'email.send')).toEqual({
      name: 'email.send',
      available: false,
      reason: 'SMTP is not configured: set SMTP_URL and EMAIL_FROM',
    });
    expect(feature(body, 'mailbox')?.reason).toMatch(/^Mailbox watching is off: set IMAP_URL/);
    expect(feature(body, 'reply_webhook')?.reason).toContain('set REPLY_WEBHOOK_URL');
    expect(feature(body, 'export.google_sheets')?.reason).toContain('GOOGLE_SERVICE_ACCOUNT_JSON');
    expect(feature(body, 'sequences.launch')?.available).toBe(false);
    const draft = body.actions.find(
      (action: { agent: string; action: string }) =>
        action.agent === 'email' && action.action === 'draft',
    );
    expect(draft).toEqual({ agent: 'email', action: 'draft', available: true, reason: null });
  });
});

describe('GET /status on a configured installation', () => {
  const SMTP_PASSWORD = 'smtp-pass-5ecret';
  const OPENAI_KEY = 'sk-status-test-0123456789';
  const WEBHOOK_TOKEN = 'hook-token-5ecret';
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        SMTP_URL: `smtp://ana:${SMTP_PASSWORD}@127.0.0.1:2525`,
        EMAIL_FROM: 'ana@zigral.example',
        OPENAI_API_KEY: OPENAI_KEY,
        OPENAI_MODEL: 'gpt-4o-mini',
        REPLY_WEBHOOK_URL: `https://hooks.example/notify?token=${WEBHOOK_TOKEN}`,
      },
    });
  });
  afterAll(() => t.destroy());

  it('reports the LLM model and the features on, without a secret or a URL', async () => {
    const response = await request(t.server).get('/status').expect(200);
    expect(response.body).toMatchObject({
      planner: { mode: 'llm', model: 'gpt-4o-mini', reason: null },
      auth: { api_keys: false, actor: 'anonymous' },
    });
    expect(feature(response.body, 'email.send')).toMatchObject({ available: true, reason: null });
    expect(feature(response.body, 'reply_webhook')).toMatchObject({ available: true });
    for (const secret of [SMTP_PASSWORD, OPENAI_KEY, WEBHOOK_TOKEN, 'hooks.example', 'smtp://']) {
      expect(response.text).not.toContain(secret);
    }
  });
});
