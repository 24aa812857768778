import request from 'supertest';
import type { TestApp } from './helpers/create-test-app';
import {
  approveAndFinish,
  createSendingTestApp,
  draftAndWaitForApproval,
  storeProspects,
} from './helpers/email-flow';
import { TestSmtpServer } from './helpers/test-smtp-server';

/**
 * The unsubscribe link of a message really sent: RFC 8058 one-click POST, and the browser's GET
 * (which changes nothing) then the confirm button. Both opt the prospect out and suppress the
 * address at once, and the next send skips it.
 */
const smtp = new TestSmtpServer();
let testApp: TestApp;

beforeAll(async () => {
  await smtp.start();
  testApp = await createSendingTestApp(smtp, { PUBLIC_URL: 'https://zigral.test/' });
});
afterAll(async () => {
  await testApp.destroy();
  await smtp.stop();
});

/** Sends one message to a new prospect; answers the prospect and the path of its unsubscribe link. */
async function sendOne(name: string, email: string) {
  const [prospect] = await storeProspects(testApp, [{ name, email }]);
  const { jobId } = await draftAndWaitForApproval(testApp, [prospect]);
  expect((await approveAndFinish(testApp, jobId)).status).toBe('succeeded');
  const [received] = smtp.to(email);
  const url = received.header('list-unsubscribe')!.replace(/^<|>$/g, '');
  expect(url.startsWith('https://zigral.test/unsubscribe/')).toBe(true);
  return { prospect, path: url.slice('https://zigral.test'.length) };
}

async function optedOut(id: string): Promise<boolean> {
  return (await request(testApp.server).get(`/prospects/${id}`).expect(200)).body.opted_out;
}

async function suppressions(): Promise<{ value: string; kind: string; source: string }[]> {
  return (await request(testApp.server).get('/suppressions').expect(200)).body.items;
}

describe('unsubscribe link', () => {
  it('opts out at once on an RFC 8058 one-click POST, and the next send skips the address', async () => {
    const { prospect, path } = await sendOne('Lea Exempel', 'lea@mu.example');
    const response = await request(testApp.server)
      .post(path)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(await optedOut(prospect.id)).toBe(true);
    expect(await suppressions()).toContainEqual(
      expect.objectContaining({ value: 'lea@mu.example', kind: 'email', source: 'unsubscribe' }),
    );
    // Twice is fine.
    await request(testApp.server)
      .post(path)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);

    const { jobId } = await draftAndWaitForApproval(testApp, [prospect]);
    const job = await request(testApp.server).get(`/jobs/${jobId}`).expect(200);
    expect(job.body.steps[1].summary).toBe('Drafted 0 of 1; skipped 1 (1 opted out)');
  });

  it('shows a confirm page on GET that changes nothing; the form POST opts out', async () => {
    const { prospect, path } = await sendOne('Max Exemplo', 'max@nu.example');
    const page = await request(testApp.server).get(path).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('max@nu.example');
    // Relative, so it resolves against the page's URL behind a path-prefixing proxy too.
    const action = /<form method="post" action="([^"]+)">/.exec(page.text)![1];
    expect(action).not.toMatch(/^\//);
    expect(new URL(action, `https://host.example/zigral${path}`).pathname).toBe(`/zigral${path}`);
    expect(await optedOut(prospect.id)).toBe(false);
    expect((await suppressions()).map((entry) => entry.value)).not.toContain('max@nu.example');

    const done = await request(testApp.server)
      .post(path)
      .type('form')
      .send('confirm=yes')
      .expect(200);
    expect(done.text).toContain('will not receive any more emails');
    expect(await optedOut(prospect.id)).toBe(true);
  });

  it('answers a tampered or made-up token with a 404 page, never opting anyone out', async () => {
    const { prospect, path } = await sendOne('Nia Esempio', 'nia@xi.example');
    const tampered = path.slice(0, -2) + (path.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [tampered, '/unsubscribe/nonsense', `/unsubscribe/${'x'.repeat(900)}`]) {
      const page = await request(testApp.server).get(bad).expect(404);
      expect(page.headers['content-type']).toContain('text/html');
      await request(testApp.server)
        .post(bad)
        .type('form')
        .send('List-Unsubscribe=One-Click')
        .expect(404);
    }
    expect(await optedOut(prospect.id)).toBe(false);
  });

  it('takes form bodies only on the unsubscribe routes', async () => {
    const response = await request(testApp.server)
      .post('/suppressions')
      .type('form')
      .send('value=ana@acme.example')
      .expect(415);
    expect(response.body).toMatchObject({ statusCode: 415, request_id: expect.any(String) });
    const big = await request(testApp.server)
      .post('/unsubscribe/abc')
      .type('form')
      .send(`x=${'y'.repeat(5000)}`)
      .expect(413);
    expect(big.body.statusCode).toBe(413);
  });
});
