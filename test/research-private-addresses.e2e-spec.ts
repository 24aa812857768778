import request from 'supertest';
import { ResearchAgentModule } from '../src/agents/research/research.module';
import { RESEARCH_USER_AGENT } from '../src/agents/research/website-fetcher.service';
import { createTestApp, TestApp } from './helpers/create-test-app';
import { FakeWebsite, html, startFakeWebsite } from './helpers/fake-website-server';
import { createJob, hasStatus, waitForJob } from './helpers/jobs';

/**
 * With RESEARCH_ALLOW_PRIVATE unset (the default), company research refuses every non-public
 * address, through a real job, and sends no request at all: the test's own server on 127.0.0.1
 * sees none, and the watch on outgoing requests sees none from the fetcher.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeHttp = require('node:http') as typeof import('node:http');

let site: FakeWebsite;
let testApp: TestApp;

beforeAll(async () => {
  site = await startFakeWebsite({ '/': html('<title>Internal admin</title>') });
  testApp = await createTestApp({ imports: [ResearchAgentModule] });
});
afterAll(async () => {
  await testApp.destroy();
  await site.close();
});

it('records a refusal for each private, loopback and link-local site, and fetches none', async () => {
  const requestSpy = jest.spyOn(nodeHttp, 'request');
  try {
    const sites: [domain: string, url: string][] = [
      ['loopback.test', `http://127.0.0.1:${site.port}/`],
      ['private.test', 'http://10.0.0.1/'],
      ['metadata.test', 'http://169.254.169.254/latest/meta-data/'],
      ['ipv6.test', `http://[::1]:${site.port}/`],
      ['mapped.test', `http://[::ffff:127.0.0.1]:${site.port}/`],
      ['localhost', `http://localhost:${site.port}/`],
      ['ftp.test', 'ftp://ftp.example/'],
    ];
    const prospects = sites.map(([domain, url], index) => ({
      id: String(index),
      name: `Person ${index}`,
      company: { name: domain, domain, website_url: url },
    }));
    const jobId = await createJob(testApp, [
      { agent: 'core', action: 'set_context', params: { values: { prospects } } },
      { agent: 'research', action: 'company_summary', params: {} },
    ]);
    const job = await waitForJob(testApp, jobId, hasStatus('succeeded', 'failed'));
    expect(job.status).toBe('succeeded');
    expect(job.steps[1]).toMatchObject({ summary: 'Researched 0 of 7 companies; 7 failed' });

    const state = (await request(testApp.server).get(`/context/${jobId}`).expect(200)).body
      .context_data.state as { companies: { domain: string; error?: string }[] };
    expect(state.companies.map(({ domain, error }) => [domain, error])).toEqual([
      ['loopback.test', expect.stringContaining('Refused: 127.0.0.1 is a loopback address')],
      ['private.test', expect.stringContaining('Refused: 10.0.0.1 is a private address')],
      [
        'metadata.test',
        expect.stringContaining('Refused: 169.254.169.254 is a link-local address'),
      ],
      ['ipv6.test', expect.stringContaining('Refused: ::1 is a loopback address')],
      [
        'mapped.test',
        expect.stringContaining(
          'Refused: ::ffff:7f00:1 is a loopback (IPv4-mapped 127.0.0.1) address',
        ),
      ],
      [
        'localhost',
        expect.stringMatching(
          /^Refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
        ),
      ],
      ['ftp.test', 'Only http and https URLs are fetched, not ftp:'],
    ]);
    expect(site.requests).toHaveLength(0);
    const fetcherCalls = requestSpy.mock.calls.filter(
      ([options]) =>
        (options as { headers?: Record<string, string> }).headers?.['user-agent'] ===
        RESEARCH_USER_AGENT,
    );
    expect(fetcherCalls).toHaveLength(0);
  } finally {
    requestSpy.mockRestore();
  }
});
