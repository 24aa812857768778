import { parseVerpTag } from '../src/agents/email/utils/verp.util';
import type { TestApp } from './helpers/create-test-app';
import {
  approveAndFinish,
  createSendingTestApp,
  draftAndWaitForApproval,
  outboxOf,
  storeProspects,
} from './helpers/email-flow';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * BOUNCE_ADDRESS through a real send to a real SMTP server on 127.0.0.1: what the server sees in
 * MAIL FROM (which the final server writes into Return-Path) for each message.
 */
const BOUNCE_ADDRESS = 'bounces@zigral.example';
const smtp = new TestSmtpServer();

beforeAll(() => smtp.start());
afterAll(() => smtp.stop());
beforeEach(() => {
  smtp.received.length = 0;
});

async function sendTwo(app: TestApp) {
  const prospects = await storeProspects(app, [
    { name: 'Carla Voorbeeld', email: 'carla@gamma.example', company: 'Gamma BV' },
    { name: 'Dirk Exempel', email: 'dirk@delta.example', company: 'Delta AB' },
  ]);
  const { jobId } = await draftAndWaitForApproval(app, prospects);
  expect((await approveAndFinish(app, jobId)).status).toBe('succeeded');
  await smtp.waitForCount(2);
  return outboxOf(app, jobId);
}

describe('BOUNCE_ADDRESS with VERP (the default)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createSendingTestApp(smtp, {
      EMAIL_FROM: 'Ana Exemple <ana@zigral.example>',
      BOUNCE_ADDRESS,
    });
  });
  afterAll(() => app.destroy());

  it('sends each message from its own tagged envelope sender; From and Message-ID unchanged', async () => {
    const outbox = await sendTwo(app);
    for (const message of outbox) {
      const [received] = smtp.to(message.to);
      expect(received.envelopeFrom).toBe(`bounces+${message.id}@zigral.example`);
      expect(parseVerpTag(received.envelopeFrom!, BOUNCE_ADDRESS)).toBe(message.id);
      expect(received.envelopeTo).toEqual([message.to]);
      expect(received.mail.from?.value).toEqual([
        { name: 'Ana Exemple', address: 'ana@zigral.example' },
      ]);
      // The per-message Message-ID (messageIdFor) is still the one the outbox recorded.
      expect(received.mail.messageId).toBe(message.message_id);
      // Return-Path is the final server's to write, from MAIL FROM; the sender sets none.
      expect(received.header('return-path')).toBeUndefined();
    }
    expect(new Set(smtp.received.map((mail) => mail.envelopeFrom)).size).toBe(2);
  });
});

describe('BOUNCE_ADDRESS with BOUNCE_VERP=false', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createSendingTestApp(smtp, { BOUNCE_ADDRESS, BOUNCE_VERP: 'false' });
  });
  afterAll(() => app.destroy());

  it('sends every message from the plain bounce address', async () => {
    await sendTwo(app);
    expect(smtp.received.map((mail) => mail.envelopeFrom)).toEqual([
      BOUNCE_ADDRESS,
      BOUNCE_ADDRESS,
    ]);
  });
});
