import { Test } from '@nestjs/testing';
import { LlmService } from '../../orchestrator/llm/llm.service';
import type { ProspectInState } from '../prospects/prospect.types';
import { CompanyResearchService, offlineSummary } from './company-research.service';
import { FetchedPage, WebsiteFetcher, WebsiteFetchError } from './website-fetcher.service';

/** Company research with the fetcher and the LLM swapped: dedupe, failures, cancellation. */
describe('CompanyResearchService', () => {
  const fetchPage = jest.fn<Promise<FetchedPage>, [string, AbortSignal]>();
  let service: CompanyResearchService;

  beforeEach(async () => {
    fetchPage.mockReset();
    const moduleRef = await Test.createTestingModule({
      providers: [
        CompanyResearchService,
        { provide: WebsiteFetcher, useValue: { fetchPage } },
        { provide: LlmService, useValue: { enabled: false } },
      ],
    }).compile();
    service = moduleRef.get(CompanyResearchService);
  });

  const at = (domain: string, id = domain): ProspectInState => ({
    id,
    name: 'Someone',
    company: { name: domain.toUpperCase(), domain },
  });
  const page = (html: string): FetchedPage => ({
    url: 'https://x.example/',
    status: 200,
    html,
    truncated: false,
  });

  it('fetches each domain once and keeps going past a failure', async () => {
    fetchPage.mockImplementation((url) =>
      url.includes('down')
        ? Promise.reject(new WebsiteFetchError('network', 'Could not fetch: ECONNREFUSED'))
        : Promise.resolve(page('<title>T</title><meta name="description" content="Does things.">')),
    );
    const { companies, withoutDomain } = await service.research({
      prospects: [at('a.example', '1'), at('down.example'), at('A.example', '2')],
      jobId: 'job',
      signal: new AbortController().signal,
    });
    expect(fetchPage.mock.calls.map(([url]) => url)).toEqual([
      'https://a.example',
      'https://down.example',
    ]);
    expect(companies).toEqual([
      {
        domain: 'a.example',
        name: 'A.EXAMPLE',
        website_url: 'https://a.example',
        title: 'T',
        description: 'Does things.',
        summary: 'Does things.',
      },
      {
        domain: 'down.example',
        name: 'DOWN.EXAMPLE',
        website_url: 'https://down.example',
        error: 'Could not fetch: ECONNREFUSED',
      },
    ]);
    expect(withoutDomain).toBe(0);
  });

  it('rejects, instead of recording an error, when the job is cancelled', async () => {
    const controller = new AbortController();
    fetchPage.mockImplementation((_url, signal) => {
      controller.abort(new Error('cancelled'));
      return Promise.reject(signal.reason as Error);
    });
    await expect(
      service.research({
        prospects: [at('a.example'), at('b.example')],
        jobId: 'job',
        signal: controller.signal,
      }),
    ).rejects.toThrow('cancelled');
  });
});

describe('offlineSummary', () => {
  it('prefers the description, then the first sentences, then the title', () => {
    expect(offlineSummary({ title: 'T', description: 'D.', text: 'X. Y. Z.' })).toBe('D.');
    expect(offlineSummary({ title: 'T', text: 'X one. Y two. Z three.' })).toBe('X one. Y two.');
    expect(offlineSummary({ title: 'T', text: '' })).toBe('T');
  });
});
