import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig } from '../../../config/app-config';
import { validateEnv } from '../../../config/env.schema';
import type { ReplySummary } from './reply-notification.types';
import { DEFAULT_REPLY_WEBHOOK_POLICY, ReplyNotifier } from './reply-notifier';

/** The notifier's bounds: no URL, too many deliveries at once, shutdown during a retry's wait. */
const summary: ReplySummary = {
  replyId: 'r-1',
  intent: 'interested',
  from: 'ben@beta.example',
  subject: 'Re: Hello',
  text: 'Sounds good',
  receivedAt: new Date(),
  prospectId: null,
  enrollmentId: null,
  sequenceId: null,
  jobId: null,
};

let server: Server;
let requests = 0;
let url: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests += 1;
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  requests = 0;
});

const notifierFor = (webhookUrl: string | undefined, maxPending = 10) =>
  new ReplyNotifier(
    new AppConfig(validateEnv(webhookUrl ? { REPLY_WEBHOOK_URL: webhookUrl } : {})),
    // Retries far apart: a test ends only by shutdown.
    { ...DEFAULT_REPLY_WEBHOOK_POLICY, maxPending },
  );

describe('ReplyNotifier', () => {
  it('is off without REPLY_WEBHOOK_URL', () => {
    const notifier = notifierFor(undefined);
    expect(notifier.enabled).toBe(false);
    expect(notifier.notify(summary)).toBe(false);
  });

  it('drops a notification past maxPending, and gives up waiting retries at shutdown', async () => {
    const notifier = notifierFor(url, 2);
    expect(notifier.notify(summary)).toBe(true);
    expect(notifier.notify({ ...summary, replyId: 'r-2' })).toBe(true);
    expect(notifier.notify({ ...summary, replyId: 'r-3' })).toBe(false);
    while (requests < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await notifier.onApplicationShutdown();
    expect(Date.now() - started).toBeLessThan(500);
    expect(requests).toBe(2);
    expect(notifier.notify(summary)).toBe(false);
  });
});
