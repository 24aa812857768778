import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ReplyIntentModule } from '../src/agents/mailbox/intent/reply-intent.module';
import {
  REPLY_WEBHOOK_POLICY,
  ReplyNotifier,
  ReplyWebhookPolicy,
} from '../src/agents/mailbox/notify/reply-notifier';
import type { ReplySummary } from '../src/agents/mailbox/notify/reply-notification.types';
import { createTestApp, TestApp } from './helpers/create-test-app';

/**
 * The reply webhook against a real HTTP server on loopback: retries on network errors and 5xx,
 * none on a 400, the caller never waits, and the URL's secrets never reach the log.
 */
interface Received {
  url: string;
  authorization?: string;
  contentType?: string;
  body: Record<string, unknown>;
}
type Answer = (res: ServerResponse, req: IncomingMessage) => void;

const USER = 'hook-user';
const PASSWORD = 'hook-pass-4f1c';
const TOKEN = 'tok-5a9b7c3d';
const PATH = '/hooks/zigral-8d2e';
const POLICY: ReplyWebhookPolicy = {
  timeoutMs: 2000,
  retry: { maxAttempts: 4, initialDelayMs: 20, maxDelayMs: 200, factor: 2, jitter: 0.2 },
  maxPending: 10,
};

const received: Received[] = [];
let answers: Answer[] = [];
let server: Server;
let webhookUrl: string;
let testApp: TestApp;
let notifier: ReplyNotifier;

const status =
  (code: number): Answer =>
  (res) => {
    res.writeHead(code, { 'content-type': 'application/json' }).end('{}');
  };
const dropConnection: Answer = (_res, req) => req.socket.destroy();

const summary = (change: Partial<ReplySummary> = {}): ReplySummary => ({
  replyId: 'reply-1',
  intent: 'interested',
  from: 'ben@beta.example',
  subject: 'Re: A pilot for Beta',
  text: `Sounds good, let's talk. ${'More words. '.repeat(40)}`,
  receivedAt: new Date('2025-03-04T09:30:00.000Z'),
  prospectId: 'prospect-1',
  enrollmentId: 'enrollment-1',
  sequenceId: 'sequence-1',
  jobId: null,
  ...change,
});

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        url: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      (answers.shift() ?? status(204))(res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  webhookUrl = `http://${USER}:${PASSWORD}@127.0.0.1:${port}${PATH}?token=${TOKEN}`;
  testApp = await createTestApp({
    env: { REPLY_WEBHOOK_URL: webhookUrl, LOG_LEVEL: 'info' },
    imports: [ReplyIntentModule],
    override: (builder) => builder.overrideProvider(REPLY_WEBHOOK_POLICY).useValue(POLICY),
  });
  notifier = testApp.app.get(ReplyNotifier);
});
afterAll(async () => {
  await testApp?.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received.length = 0;
  answers = [];
});

describe('ReplyNotifier', () => {
  it('returns at once, then retries a dropped connection and a 503 until the hook accepts', async () => {
    answers = [dropConnection, status(503)];
    const started = Date.now();
    expect(notifier.notify(summary())).toBe(true);
    expect(Date.now() - started).toBeLessThan(50);
    expect(received).toHaveLength(0);

    await notifier.idle();
    expect(received).toHaveLength(3);
    const [, , accepted] = received;
    expect(accepted.url).toBe(`${PATH}?token=${TOKEN}`);
    expect(accepted.authorization).toBe(
      `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
    );
    expect(accepted.contentType).toBe('application/json');
    expect(accepted.body).toEqual({
      reply_id: 'reply-1',
      intent: 'interested',
      from: 'ben@beta.example',
      subject: 'Re: A pilot for Beta',
      snippet: expect.stringMatching(/^Sounds good, let's talk\. More words\. .*…$/),
      received_at: '2025-03-04T09:30:00.000Z',
      prospect_id: 'prospect-1',
      enrollment_id: 'enrollment-1',
      sequence_id: 'sequence-1',
      job_id: null,
    });
    expect(Array.from(accepted.body.snippet as string).length).toBeLessThanOrEqual(280);
  });

  it('does not retry a 400', async () => {
    answers = [status(400)];
    expect(notifier.notify(summary({ replyId: 'reply-2' }))).toBe(true);
    await notifier.idle();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(1);
  });

  it('retries a 429, and gives up after the policy’s attempts on 5xx', async () => {
    answers = [status(429), status(500), status(502), status(500), status(500)];
    notifier.notify(summary({ replyId: 'reply-3' }));
    await notifier.idle();
    expect(received).toHaveLength(POLICY.retry.maxAttempts);
  });

  it('calls nobody for a reply that is not "interested"', async () => {
    for (const intent of [
      'not_now',
      'not_interested',
      'referral',
      'wrong_person',
      'unclear',
    ] as const) {
      expect(notifier.notify(summary({ intent }))).toBe(false);
    }
    await notifier.idle();
    expect(received).toHaveLength(0);
  });

  it('logs each failure and outcome with the origin only: no password, token, path or URL', async () => {
    // Were the URL logged by mistake, the scrubber would still take its secrets out.
    new Logger('WebhookSpec').warn(`by mistake: ${webhookUrl}`);
    await testApp.close();
    const log = readFileSync(join(testApp.dir, 'logs', 'zigral.log'), 'utf8');
    const lines = log
      .split('\n')
      .filter((line) => line.includes('Reply webhook'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const origin = new URL(webhookUrl).origin;
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          msg: 'Reply webhook failed; retrying',
          webhook: origin,
          replyId: 'reply-1',
          attempt: 1,
          reason: expect.stringMatching(/^network error/),
        }),
        expect.objectContaining({ msg: 'Reply webhook failed; retrying', reason: 'HTTP 503' }),
        expect.objectContaining({ msg: 'Reply webhook called', replyId: 'reply-1', attempt: 3 }),
        expect.objectContaining({
          msg: 'Reply webhook failed; given up',
          replyId: 'reply-2',
          attempt: 1,
          reason: 'HTTP 400: refused',
        }),
        expect.objectContaining({ msg: 'Reply webhook failed; given up', replyId: 'reply-3' }),
      ]),
    );
    expect(log).toMatch(/by mistake: \[REDACTED\]/);
    for (const secret of [PASSWORD, TOKEN, USER, PATH, webhookUrl]) {
      expect(log).not.toContain(secret);
    }
  });
});
