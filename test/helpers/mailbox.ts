import request from 'supertest';
import type { RawInboundMessage } from '../../src/agents/mailbox/inbound/inbound-message.types';
import { InboundSink } from '../../src/agents/mailbox/watch/inbound-sink';
import type { MailboxStatus } from '../../src/agents/mailbox/watch/mailbox-status';
import { createTestApp, TestApp } from './create-test-app';

/** A sink that keeps what it is handed; `onReceive` may make it fail or wait. */
export class RecordingSink extends InboundSink {
  readonly received: RawInboundMessage[] = [];
  onReceive?: (message: RawInboundMessage) => Promise<void> | void;

  async receive(message: RawInboundMessage): Promise<void> {
    this.received.push(message);
    await this.onReceive?.(message);
  }

  get uids(): number[] {
    return this.received.map((message) => message.uid);
  }

  subjects(): string[] {
    return this.received.map(
      (message) => /^Subject: (.*)$/m.exec(message.source.toString())?.[1] ?? '',
    );
  }
}

/** A test app watching `imapUrl`, its sink replaced by a recording one. */
export async function createWatcherApp(input: {
  imapUrl: string;
  sink: RecordingSink;
  env?: Record<string, string>;
  dir?: string;
  /** Another app's database, for a second replica on it. */
  databaseUrl?: string;
}): Promise<TestApp> {
  return createTestApp({
    dir: input.dir,
    databaseUrl: input.databaseUrl,
    env: { IMAP_URL: input.imapUrl, IMAP_POLL_SECONDS: '30', ...input.env },
    override: (builder) => builder.overrideProvider(InboundSink).useValue(input.sink),
  });
}

/** The `mailbox` entry of GET /health. */
export async function mailboxHealth(t: TestApp): Promise<MailboxStatus & { status: string }> {
  const res = await request(t.server).get('/health').expect(200);
  return res.body.details.mailbox;
}

/** Polls `check` until it returns true, or fails naming `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}
