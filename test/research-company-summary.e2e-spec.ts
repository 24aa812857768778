import request from 'supertest';
import { ProspectUpsertService } from '../src/agents/prospects/upsert/prospect-upsert.service';
import { ResearchAgentModule } from '../src/agents/research/research.module';
import { RESEARCH_USER_AGENT } from '../src/agents/research/website-fetcher.service';
import { OPENAI_CLIENT } from '../src/orchestrator/llm/openai-client.provider';
import { createTestApp, TestApp } from './helpers/create-test-app';
import {
  delayed,
  FakeWebsite,
  html,
  redirect,
  startFakeWebsite,
  streamed,
} from './helpers/fake-website-server';
import { createJob, hasStatus, JobBody, waitForJob } from './helpers/jobs';
import { chatCompletion } from './helpers/chat-completion';

/**
 * research.company_summary through real jobs, against company websites served on 127.0.0.1
 * (RESEARCH_ALLOW_PRIVATE=true, as only tests set it): extraction, one request per domain,
 * failures recorded per company, time and size limits, redirects, cancellation, LLM summaries.
 */
const ACME_PAGE = `<!doctype html><html><head>
  <title>Acme Payroll — payroll for small teams</title>
  <meta name="description" content="Acme runs payroll and benefits for teams of 5 to 500.">
  <script>window.tracking = "not text";</script></head>
  <body><nav><a href="/">Home</a><a href="/pricing">Pricing</a></nav>
  <main><h1>Payroll,   done.</h1><p>Acme pays your people on time, in 30 countries.</p></main>
  <footer>© Acme</footer></body></html>`;

let site: FakeWebsite;
let testApp: TestApp;

const prospect = (id: string, company: Record<string, unknown>) => ({
  id,
  name: `Person ${id}`,
  company,
});
const site$ = (path: string) => site.url(path);

async function runSummary(app: TestApp, prospects: unknown[]) {
  const jobId = await createJob(app, [
    { agent: 'core', action: 'set_context', params: { values: { prospects } } },
    { agent: 'research', action: 'company_summary', params: {} },
  ]);
  const job = await waitForJob(app, jobId, hasStatus('succeeded', 'failed'), 20_000);
  const context = (await request(app.server).get(`/context/${jobId}`).expect(200)).body;
  const state = context.context_data.state as { companies: Record<string, unknown>[] };
  return { jobId, job, companies: state.companies };
}

beforeAll(async () => {
  site = await startFakeWebsite({
    '/acme': html(ACME_PAGE),
    '/beta': html(
      '<title>Beta</title><p>Beta builds sailing boats. For sailors in the Baltic! Since 1990. Contact us.</p>',
    ),
    '/broken': html('<title>Oops</title>', 500),
    '/slow': delayed(10_000, html('<title>Too late</title>')),
    '/big': streamed(
      '<title>Gigantic Corp</title><p>Gigantic makes very long pages.</p>',
      4 * 1024 * 1024,
      '<p>END-MARKER</p>',
    ),
    '/old-home': redirect('/new-home'),
    '/new-home': html(
      '<title>Moved Inc</title><meta property="og:description" content="Moved Inc moves things.">',
    ),
    '/pdf': html('%PDF-1.4', 200, 'application/pdf'),
    '/empty': html('<div></div>'),
  });
  testApp = await createTestApp({
    imports: [ResearchAgentModule],
    env: { RESEARCH_ALLOW_PRIVATE: 'true', RESEARCH_TIMEOUT_MS: '800' },
  });
});
afterAll(async () => {
  await testApp.destroy();
  await site.close();
});

describe('research.company_summary offline', () => {
  it('summarises each company once, and records the ones that fail without failing the step', async () => {
    const { job, companies } = await runSummary(testApp, [
      prospect('1', { name: 'Acme', domain: 'acme.test', website_url: site$('/acme') }),
      prospect('2', { name: 'Acme', domain: 'www.ACME.test', website_url: site$('/acme') }),
      prospect('3', { name: 'Beta', domain: 'beta.test', website_url: site$('/beta') }),
      prospect('4', { name: 'Broken', domain: 'broken.test', website_url: site$('/broken') }),
      prospect('5', { name: 'Slow', domain: 'slow.test', website_url: site$('/slow') }),
      prospect('6', { name: 'Gigantic', domain: 'big.test', website_url: site$('/big') }),
      prospect('7', { name: 'Moved', domain: 'moved.test', website_url: site$('/old-home') }),
      prospect('8', { name: 'Docs', domain: 'pdf.test', website_url: site$('/pdf') }),
      prospect('9', { name: 'Blank', domain: 'empty.test', website_url: site$('/empty') }),
      prospect('10', { name: 'Nowhere' }),
      prospect('11', { name: 'Acme again', domain: 'acme.test' }),
    ]);
    expect(job.status).toBe('succeeded');
    expect(job.steps[1]).toMatchObject({
      summary: 'Researched 4 of 8 companies; 4 failed; 1 prospects without a company domain',
    });
    expect(companies).toEqual([
      {
        domain: 'acme.test',
        name: 'Acme',
        website_url: site$('/acme'),
        title: 'Acme Payroll — payroll for small teams',
        description: 'Acme runs payroll and benefits for teams of 5 to 500.',
        summary: 'Acme runs payroll and benefits for teams of 5 to 500.',
      },
      {
        domain: 'beta.test',
        name: 'Beta',
        website_url: site$('/beta'),
        title: 'Beta',
        summary: 'Beta builds sailing boats. For sailors in the Baltic!',
      },
      {
        domain: 'broken.test',
        name: 'Broken',
        website_url: site$('/broken'),
        error: `HTTP 500 from ${site$('/broken')}`,
      },
      {
        domain: 'slow.test',
        name: 'Slow',
        website_url: site$('/slow'),
        error: 'No complete answer within 800 ms',
      },
      {
        domain: 'big.test',
        name: 'Gigantic',
        website_url: site$('/big'),
        title: 'Gigantic Corp',
        summary: expect.stringMatching(/^Gigantic makes very long pages\./),
      },
      {
        domain: 'moved.test',
        name: 'Moved',
        website_url: site$('/old-home'),
        title: 'Moved Inc',
        description: 'Moved Inc moves things.',
        summary: 'Moved Inc moves things.',
      },
      {
        domain: 'pdf.test',
        name: 'Docs',
        website_url: site$('/pdf'),
        error: `Not a web page (application/pdf) at ${site$('/pdf')}`,
      },
      {
        domain: 'empty.test',
        name: 'Blank',
        website_url: site$('/empty'),
        error: 'The home page has no readable text',
      },
    ]);
    expect(site.hits('/acme')).toBe(1);
    expect(site.hits('/old-home')).toBe(1);
    expect(site.hits('/new-home')).toBe(1);
    expect(site.cutOff).toEqual(expect.arrayContaining(['/big', '/slow']));
    expect(JSON.stringify(companies)).not.toContain('END-MARKER');
    expect(site.requests.every((r) => r.headers['user-agent'] === RESEARCH_USER_AGENT)).toBe(true);
  });

  // Before the tests that start and close an app of their own (the logger goes with it).
  it('keeps each summary on its stored company, shown with the prospect; a failed site keeps none', async () => {
    const stored = await testApp.app.get(ProspectUpsertService).upsertMany([
      {
        name: 'Kim Kunde',
        email: 'kim@kept-acme.test',
        company: { name: 'Kept Acme', domain: 'kept-acme.test', websiteUrl: site$('/acme') },
      },
      {
        name: 'Lou Kunde',
        email: 'lou@kept-broken.test',
        company: { name: 'Kept Broken', domain: 'kept-broken.test', websiteUrl: site$('/broken') },
      },
    ]);
    const [kim, lou] = stored.map((outcome) => (outcome as { id: string }).id);
    const before = (await request(testApp.server).get(`/prospects/${kim}`).expect(200)).body;
    expect(before.company).toMatchObject({ summary: null, summarized_at: null });

    const jobId = await createJob(testApp, [
      { agent: 'prospects', action: 'search', params: { keywords: ['kept'] } },
      { agent: 'research', action: 'company_summary', params: {} },
    ]);
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'), 20_000);
    expect(job.status).toBe('succeeded');
    expect(job.steps[1].summary).toBe('Researched 1 of 2 companies; 1 failed');

    const after = (await request(testApp.server).get(`/prospects/${kim}`).expect(200)).body;
    expect(after.company).toMatchObject({
      name: 'Kept Acme',
      summary: 'Acme runs payroll and benefits for teams of 5 to 500.',
      summarized_at: expect.any(String),
    });
    const listed = (await request(testApp.server).get('/prospects').query({ q: 'kim' }).expect(200))
      .body.items[0];
    expect(listed.company.summary).toBe(after.company.summary);
    const failed = (await request(testApp.server).get(`/prospects/${lou}`).expect(200)).body;
    expect(failed.company).toMatchObject({ summary: null, summarized_at: null });
  });

  it('fetches at most four sites at a time', async () => {
    const paths = Array.from({ length: 8 }, (_, index) => `/parallel-${index}`);
    const parallel = await startFakeWebsite(
      Object.fromEntries(paths.map((path) => [path, delayed(100, html(`<title>${path}</title>`))])),
    );
    try {
      const { companies } = await runSummary(
        testApp,
        paths.map((path, index) =>
          prospect(`p${index}`, { domain: `p${index}.test`, website_url: parallel.url(path) }),
        ),
      );
      expect(companies.map((company) => company.title)).toEqual(paths);
      expect(parallel.maxInFlight).toBe(4);
    } finally {
      await parallel.close();
    }
  });

  it('writes an empty list when no prospect has a company domain', async () => {
    const { job, companies } = await runSummary(testApp, [prospect('1', { name: 'Anon' })]);
    expect(job.status).toBe('succeeded');
    expect(companies).toEqual([]);
  });

  it('fails, without retrying, when the state holds no list of prospects', async () => {
    const jobId = await createJob(testApp, [
      { agent: 'core', action: 'set_context', params: { values: { prospects: 'Acme' } } },
      { agent: 'research', action: 'company_summary', params: {} },
    ]);
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('failed');
    expect(job.error).toContain('"prospects" must be a list of prospects');
    expect(job.steps[1].attempts).toBe(1);
  });

  it('stops fetching when the job is cancelled', async () => {
    const hanging = await startFakeWebsite({ '/hang': delayed(60_000, html('<title>x</title>')) });
    const app = await createTestApp({
      imports: [ResearchAgentModule],
      env: { RESEARCH_ALLOW_PRIVATE: 'true', RESEARCH_TIMEOUT_MS: '30000' },
    });
    try {
      const jobId = await createJob(app, [
        {
          agent: 'core',
          action: 'set_context',
          params: {
            values: {
              prospects: [prospect('1', { domain: 'h.test', website_url: hanging.url('/hang') })],
            },
          },
        },
        { agent: 'research', action: 'company_summary', params: {} },
      ]);
      const deadline = Date.now() + 5000;
      while (hanging.hits('/hang') === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await request(app.server).post(`/jobs/${jobId}/cancel`).expect(200);
      const job = await waitForJob(app, jobId, hasStatus('cancelled'));
      expect(job.status).toBe('cancelled');
      const closed = Date.now() + 2000;
      while (!hanging.cutOff.includes('/hang') && Date.now() < closed) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(hanging.cutOff).toEqual(['/hang']);
    } finally {
      await app.destroy();
      await hanging.close();
    }
  });
});

describe('research.company_summary with the LLM mocked', () => {
  const create = jest.fn();
  const completion = (content: string) =>
    chatCompletion(content, { prompt_tokens: 400, completion_tokens: 40 });
  let llmApp: TestApp;

  beforeAll(async () => {
    llmApp = await createTestApp({
      imports: [ResearchAgentModule],
      env: { RESEARCH_ALLOW_PRIVATE: 'true', RESEARCH_TIMEOUT_MS: '800' },
      override: (builder) =>
        builder.overrideProvider(OPENAI_CLIENT).useValue({ chat: { completions: { create } } }),
    });
  });
  afterAll(() => llmApp.destroy());

  it("uses the model's summary, and the offline one when the model's answer is unusable", async () => {
    create.mockImplementation((body: { messages: { content: string }[] }) => {
      const page = JSON.parse(body.messages[1].content) as { domain: string };
      if (page.domain === 'acme.test') {
        return Promise.resolve(
          completion(JSON.stringify({ summary: ' Acme runs payroll for small companies. ' })),
        );
      }
      return Promise.resolve(completion('not json at all'));
    });
    const { jobId, companies } = await runSummary(llmApp, [
      prospect('1', { name: 'Acme', domain: 'acme.test', website_url: site$('/acme') }),
      prospect('2', { name: 'Beta', domain: 'beta.test', website_url: site$('/beta') }),
      prospect('3', { name: 'Broken', domain: 'broken.test', website_url: site$('/broken') }),
    ]);
    expect(companies.map((company) => company.summary)).toEqual([
      'Acme runs payroll for small companies.',
      'Beta builds sailing boats. For sailors in the Baltic!',
      undefined,
    ]);
    // One call per company fetched, none for the failed one.
    expect(create).toHaveBeenCalledTimes(2);
    const acmeCall = create.mock.calls.find(([body]) =>
      (body as { messages: { content: string }[] }).messages[1].content.includes('acme.test'),
    )?.[0] as Record<string, unknown> & { messages: { content: string }[] };
    expect(acmeCall.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'company_summary', strict: true },
    });
    expect(JSON.parse(acmeCall.messages[1].content)).toMatchObject({
      title: 'Acme Payroll — payroll for small teams',
      text: 'Payroll, done. Acme pays your people on time, in 30 countries.',
    });
    const job = (await request(llmApp.server).get(`/jobs/${jobId}`).expect(200)).body as JobBody;
    // Both calls are recorded against the job.
    expect(job.usage).toMatchObject({ calls: 2, total_tokens: 880 });
  });
});
