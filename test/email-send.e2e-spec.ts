import request from 'supertest';
import { ProspectUpsertService } from '../src/agents/prospects/upsert/prospect-upsert.service';
import { createTestApp, TestApp } from './helpers/create-test-app';
import {
  approveAndFinish,
  createSendingTestApp,
  draftAndWaitForApproval,
  jobState,
  outboxOf,
  storeProspects,
} from './helpers/email-flow';
import { hasStatus, waitForJob } from './helpers/jobs';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * email.send through real jobs against a real SMTP server on 127.0.0.1: approval first, what
 * arrives (recipients, subject, body, unsubscribe headers), opt-outs, suppressions, refusals.
 */
const PUBLIC_URL = 'https://zigral.test';
const smtp = new TestSmtpServer();
let testApp: TestApp;

beforeAll(async () => {
  await smtp.start();
  testApp = await createSendingTestApp(smtp, {
    EMAIL_FROM: 'Ana Exemple <ana@zigral.example>',
    PUBLIC_URL,
  });
});
afterAll(async () => {
  await testApp.destroy();
  await smtp.stop();
});
beforeEach(() => {
  smtp.received.length = 0;
});

describe('email.send', () => {
  it('sends nothing before approval, then each edited draft once, with unsubscribe headers', async () => {
    const prospects = await storeProspects(testApp, [
      { name: 'Carla Voorbeeld', email: 'carla@gamma.example', company: 'Gamma BV' },
      { name: 'Dirk Exempel', email: 'dirk@delta.example', company: 'Delta AB' },
    ]);
    const { jobId, job } = await draftAndWaitForApproval(testApp, prospects);
    expect(job.status).toBe('waiting_approval');
    expect(job.steps[1].summary).toBe('Drafted 2 of 2');
    const drafts = await outboxOf(testApp, jobId);
    expect(drafts.map((draft) => draft.status)).toEqual(['draft', 'draft']);
    const carla = drafts.find((draft) => draft.to === 'carla@gamma.example')!;
    await request(testApp.server)
      .patch(`/outbox/${carla.id}`)
      .send({ subject: 'Edited subject', body: 'Hi Carla,\n\nEdited body.\n\nAna' })
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(0);

    const done = await approveAndFinish(testApp, jobId);
    expect(done.status).toBe('succeeded');
    expect(done.steps[2].summary).toBe('Sent 2 of 2');
    expect(smtp.received).toHaveLength(2);
    const [toCarla] = smtp.to('carla@gamma.example');
    expect(toCarla.mail.subject).toBe('Edited subject');
    expect(toCarla.mail.text).toMatch(/^Hi Carla,\n\nEdited body\.\n\nAna\n\n--\n/);
    const link = new RegExp(`^${PUBLIC_URL}/unsubscribe/${carla.id}\\.[A-Za-z0-9_-]{43}$`);
    const unsubscribeUrl = toCarla.header('list-unsubscribe')!.replace(/^<|>$/g, '');
    expect(unsubscribeUrl).toMatch(link);
    expect(toCarla.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(toCarla.mail.text).toContain(`unsubscribe here: ${unsubscribeUrl}`);
    expect(toCarla.mail.from?.value).toEqual([
      { name: 'Ana Exemple', address: 'ana@zigral.example' },
    ]);
    // Without BOUNCE_ADDRESS the envelope sender is the From address.
    expect(toCarla.envelopeFrom).toBe('ana@zigral.example');
    expect(toCarla.mail.to).toMatchObject({
      value: [{ name: 'Carla Voorbeeld', address: 'carla@gamma.example' }],
    });
    const [toDirk] = smtp.to('dirk@delta.example');
    expect(toDirk.mail.text).toContain('Hi Dirk,');
    expect(toDirk.mail.text).toContain('a 14-day pilot of automated prospect research');

    const sent = (await jobState(testApp, jobId)).sent as Record<string, unknown>[];
    const outbox = await outboxOf(testApp, jobId);
    expect(outbox.map((message) => message.status)).toEqual(['sent', 'sent']);
    const carlaSent = outbox.find((message) => message.id === carla.id)!;
    expect(toCarla.mail.messageId).toBe(carlaSent.message_id);
    expect(sent).toEqual(
      expect.arrayContaining([
        {
          id: carla.id,
          prospect_id: carla.prospect_id,
          to: 'carla@gamma.example',
          status: 'sent',
          message_id: carlaSent.message_id,
        },
      ]),
    );
    const locked = await request(testApp.server)
      .patch(`/outbox/${carla.id}`)
      .send({ subject: 'Too late' })
      .expect(409);
    expect(locked.body.message).toContain('is sent');
    await request(testApp.server).delete(`/outbox/${carla.id}`).expect(409);
  });

  it('records each sending on the prospect, for the not-contacted filters; a draft is no contact', async () => {
    const prospects = await storeProspects(testApp, [
      { name: 'Erik Kontakt', email: 'erik@kontakt.example', company: 'Kontakt AB' },
    ]);
    const found = async (query: Record<string, unknown>) =>
      (
        await request(testApp.server)
          .get('/prospects')
          .query({ company: 'Kontakt AB', ...query })
          .expect(200)
      ).body.total as number;
    const { jobId } = await draftAndWaitForApproval(testApp, prospects);
    expect(await found({ never_emailed: true })).toBe(1);
    expect(await found({ not_contacted_days: 1 })).toBe(1);

    expect((await approveAndFinish(testApp, jobId)).status).toBe('succeeded');
    expect(await found({ never_emailed: true })).toBe(0);
    expect(await found({ never_emailed: false })).toBe(1);
    expect(await found({ not_contacted_days: 1 })).toBe(0);
  });

  it('skips opted-out prospects, suppressed addresses and domains, and deleted drafts', async () => {
    const prospects = await storeProspects(testApp, [
      { name: 'Eva Exemplo', email: 'eva@epsilon.example' },
      { name: 'Finn Esempio', email: 'finn@zeta.example' },
      { name: 'Gus Example', email: 'gus@eu.eta.example' },
      { name: 'Hana Beispiel', email: 'hana@theta.example' },
      { name: 'Ivo Exemple', email: 'ivo@iota.example' },
    ]);
    const { jobId } = await draftAndWaitForApproval(testApp, prospects);
    const drafts = await outboxOf(testApp, jobId);
    const idOf = (to: string) => drafts.find((draft) => draft.to === to)!.id;
    // All of it happens after drafting, so only the checks right before sending can catch it.
    await request(testApp.server).post(`/prospects/${prospects[0].id}/opt-out`).expect(200);
    await request(testApp.server)
      .post('/suppressions')
      .send({ value: 'Finn@Zeta.example' })
      .expect(201);
    await request(testApp.server).post('/suppressions').send({ value: 'eta.example' }).expect(201);
    await request(testApp.server)
      .delete(`/outbox/${idOf('ivo@iota.example')}`)
      .expect(204);

    const done = await approveAndFinish(testApp, jobId);
    expect(done.status).toBe('succeeded');
    expect(done.steps[2].summary).toBe(
      'Sent 1 of 5; skipped 4 (1 opted out, 2 suppressed, 1 not in the outbox)',
    );
    expect(smtp.received.map((entry) => entry.envelopeTo)).toEqual([['hana@theta.example']]);
    const sent = (await jobState(testApp, jobId)).sent as { to: string; reason?: string }[];
    expect(Object.fromEntries(sent.map((item) => [item.to, item.reason ?? 'sent']))).toEqual({
      'eva@epsilon.example': 'opted out',
      'finn@zeta.example': 'suppressed (finn@zeta.example)',
      'gus@eu.eta.example': 'suppressed (eta.example)',
      'hana@theta.example': 'sent',
      'ivo@iota.example': 'not in the outbox (deleted before sending)',
    });
    const outbox = await outboxOf(testApp, jobId);
    expect(outbox.find((message) => message.to === 'eva@epsilon.example')).toMatchObject({
      status: 'skipped',
      reason: 'opted out',
    });
  });

  it('never sends to a sample prospect: skipped with the reason, the others sent', async () => {
    const [real] = await storeProspects(testApp, [
      { name: 'Lina Exempel', email: 'lina@omicron.example' },
    ]);
    // Written as the sample-data loader writes its fictional prospects.
    const [outcome] = await testApp.app.get(ProspectUpsertService).upsertMany([
      {
        name: 'Sam Beispielprobe',
        email: 'sam.beispielprobe@probewerk.example',
        title: 'VP of Sales',
        source: 'sample',
        isSample: true,
        company: { name: 'Probewerk GmbH', domain: 'probewerk.example' },
      },
    ]);
    const sampleId = (outcome as { id: string }).id;
    const sample = {
      id: sampleId,
      name: 'Sam Beispielprobe',
      email: 'sam.beispielprobe@probewerk.example',
      title: 'VP of Sales',
      sample: true as const,
      company: { name: 'Probewerk GmbH', domain: 'probewerk.example' },
    };
    const { jobId, job } = await draftAndWaitForApproval(testApp, [real, sample]);
    expect(job.steps[1].summary).toBe('Drafted 2 of 2');

    const done = await approveAndFinish(testApp, jobId);
    expect(done.status).toBe('succeeded');
    expect(done.steps[2].summary).toBe('Sent 1 of 2; skipped 1 (1 sample data)');
    expect(smtp.received.map((entry) => entry.envelopeTo)).toEqual([['lina@omicron.example']]);
    const outbox = await outboxOf(testApp, jobId);
    expect(outbox.find((message) => message.prospect_id === sampleId)).toMatchObject({
      status: 'skipped',
      reason: 'sample data (a fictional prospect, never emailed)',
    });
  });

  it('records a recipient the SMTP server refuses as failed and sends the others', async () => {
    smtp.refused.add('jo@kappa.example');
    const prospects = await storeProspects(testApp, [
      { name: 'Jo Exempel', email: 'jo@kappa.example' },
      { name: 'Kai Exempel', email: 'kai@lambda.example' },
    ]);
    const { jobId } = await draftAndWaitForApproval(testApp, prospects);
    const done = await approveAndFinish(testApp, jobId);
    expect(done.status).toBe('succeeded');
    expect(smtp.received.map((entry) => entry.envelopeTo)).toEqual([['kai@lambda.example']]);
    const outbox = await outboxOf(testApp, jobId);
    const refused = outbox.find((message) => message.to === 'jo@kappa.example')!;
    expect(refused.status).toBe('failed');
    expect(refused.reason).toContain('550');
  });
});

describe('email.send with a refused SMTP login', () => {
  const login = { user: 'zigral', password: 'right-password' };
  const authSmtp = new TestSmtpServer(login);
  beforeAll(() => authSmtp.start());
  afterAll(() => authSmtp.stop());

  const smtpUrl = (password: string) =>
    authSmtp.url.replace('smtp://', `smtp://${login.user}:${password}@`);
  const appWith = (password: string, dir?: string) =>
    createTestApp({
      dir,
      env: { SMTP_URL: smtpUrl(password), EMAIL_FROM: 'ana@zigral.example', EMAIL_PACING_MS: '0' },
    });

  it('fails the step and keeps every message sendable; after the fix a retry sends each once', async () => {
    const wrong = await appWith('wrong-password');
    let jobId: string;
    try {
      const prospects = await storeProspects(wrong, [
        { name: 'Lea Exempel', email: 'lea@mu.example' },
        { name: 'Max Exempel', email: 'max@nu.example' },
      ]);
      ({ jobId } = await draftAndWaitForApproval(wrong, prospects));
      const failed = await approveAndFinish(wrong, jobId);
      expect(failed.status).toBe('failed');
      expect(failed.error).toContain('SMTP login failed');
      expect(failed.steps[2].attempts).toBe(1);
      expect(authSmtp.received).toHaveLength(0);
      const kept = await outboxOf(wrong, jobId);
      expect(kept.map((message) => message.status)).not.toContain('failed');
    } finally {
      await wrong.close();
    }

    const fixed = await appWith(login.password, wrong.dir);
    try {
      await request(fixed.server).post(`/jobs/${jobId}/retry`).send({}).expect(200);
      const done = await waitForJob(fixed, jobId, hasStatus('succeeded', 'failed'), 30_000);
      expect(done.status).toBe('succeeded');
      expect(authSmtp.received.map((entry) => entry.envelopeTo[0]).sort()).toEqual([
        'lea@mu.example',
        'max@nu.example',
      ]);
    } finally {
      await fixed.destroy();
    }
  });
});
