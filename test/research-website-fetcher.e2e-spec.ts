import { AppConfig } from '../src/config/app-config';
import { validateEnv } from '../src/config/env.schema';
import {
  HostResolver,
  MAX_PAGE_BYTES,
  RESEARCH_USER_AGENT,
  ResolvedAddress,
  WebsiteFetcher,
  WebsiteFetchError,
} from '../src/agents/research/website-fetcher.service';
import {
  delayed,
  FakeWebsite,
  html,
  redirect,
  startFakeWebsite,
  streamed,
} from './helpers/fake-website-server';

/**
 * The real WebsiteFetcher against a server on 127.0.0.1, and its address checks. Names the test
 * does not own are answered by a fake HostResolver; every request the fetcher makes is watched,
 * so a refused address is shown never to be contacted.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeHttp = require('node:http') as typeof import('node:http');

const configWith = (env: Record<string, string>) => new AppConfig(validateEnv(env));

/** Answers for the names it knows (an Error: the name does not resolve); real DNS only for localhost. */
class FakeResolver extends HostResolver {
  constructor(private readonly answers: Record<string, string[] | Error>) {
    super();
  }
  override resolve(hostname: string): Promise<ResolvedAddress[]> {
    const answer = this.answers[hostname];
    if (hostname === 'localhost') return super.resolve(hostname);
    if (!answer) throw new Error(`The test did not expect a lookup of ${hostname}`);
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(
      answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  }
}

/** Trusts the test's own server on 127.0.0.1 and nothing else private: for redirect checks. */
class LoopbackServerFetcher extends WebsiteFetcher {
  protected override refusalReason(address: string): string | undefined {
    return address === '127.0.0.1' ? undefined : super.refusalReason(address);
  }
}

let site: FakeWebsite;
let requestSpy: jest.SpyInstance;
const fetcherRequests = () =>
  requestSpy.mock.calls.filter(
    ([options]) =>
      (options as { headers?: Record<string, string> }).headers?.['user-agent'] ===
      RESEARCH_USER_AGENT,
  );
const never = new AbortController().signal;

beforeAll(async () => {
  site = await startFakeWebsite({
    '/home': html('<title>Home</title><p>Hello</p>'),
    '/latin1': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      response.end(Buffer.from('<title>Caf\xe9 M\xfcller</title>', 'latin1'));
    },
    '/big': streamed('<title>Big</title>', 4 * MAX_PAGE_BYTES, '<p>END-MARKER</p>'),
    '/slow': delayed(5000, html('<title>Too late</title>')),
    '/stall': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<title>Half</title>');
    },
    '/to-private': redirect('http://10.0.0.1/'),
    '/to-ipv6-loopback': redirect('http://[::1]:9/'),
    '/to-ftp': redirect('ftp://files.example/'),
    '/one': redirect('/two', 302),
    '/two': redirect('/three', 307),
    '/three': redirect('/home', 308),
    '/four': redirect('/one'),
  });
});
afterAll(() => site.close());
beforeEach(() => {
  requestSpy = jest.spyOn(nodeHttp, 'request');
});
afterEach(() => requestSpy.mockRestore());

describe('with private addresses allowed (tests only)', () => {
  // A generous limit for the pages that answer, so a busy machine never times them out; the
  // time-limit test has its own short one.
  const fetcher = new WebsiteFetcher(
    configWith({ RESEARCH_ALLOW_PRIVATE: 'true', RESEARCH_TIMEOUT_MS: '5000' }),
    new HostResolver(),
  );
  const impatient = new WebsiteFetcher(
    configWith({ RESEARCH_ALLOW_PRIVATE: 'true', RESEARCH_TIMEOUT_MS: '500' }),
    new HostResolver(),
  );

  it('fetches a page with a polite User-Agent', async () => {
    const page = await fetcher.fetchPage(site.url('/home'), never);
    expect(page).toMatchObject({
      status: 200,
      html: '<title>Home</title><p>Hello</p>',
      truncated: false,
    });
    expect(site.requests.at(-1)?.headers['user-agent']).toBe(RESEARCH_USER_AGENT);
    expect(RESEARCH_USER_AGENT).toContain('Zigral');
    // The watch on requests sees the fetcher's: the refusals below that find none mean something.
    expect(fetcherRequests()).toHaveLength(1);
  });

  it('fetches a local server by name and by address alike', async () => {
    for (const host of ['localhost', '127.0.0.1']) {
      const page = await fetcher.fetchPage(`http://${host}:${site.port}/home`, never);
      expect(page).toMatchObject({ status: 200, html: '<title>Home</title><p>Hello</p>' });
    }
    expect(fetcherRequests()).toHaveLength(2);
  });

  it('decodes the charset the server declares', async () => {
    expect((await fetcher.fetchPage(site.url('/latin1'), never)).html).toBe(
      '<title>Café Müller</title>',
    );
  });

  it('reads at most MAX_PAGE_BYTES and stops downloading', async () => {
    const page = await fetcher.fetchPage(site.url('/big'), never);
    expect(page.truncated).toBe(true);
    expect(Buffer.byteLength(page.html)).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    expect(page.html.startsWith('<title>Big</title>')).toBe(true);
    expect(page.html).not.toContain('END-MARKER');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(site.cutOff).toContain('/big');
  });

  it('follows up to three redirects, and no more', async () => {
    expect((await fetcher.fetchPage(site.url('/one'), never)).url).toBe(site.url('/home'));
    await expect(fetcher.fetchPage(site.url('/four'), never)).rejects.toMatchObject({
      code: 'too_many_redirects',
    });
  });

  it('gives up at the time limit, for a late answer and for a stalled body', async () => {
    for (const path of ['/slow', '/stall']) {
      const started = Date.now();
      await expect(impatient.fetchPage(site.url(path), never)).rejects.toMatchObject({
        code: 'timeout',
        message: 'No complete answer within 500 ms',
      });
      expect(Date.now() - started).toBeLessThan(1500);
    }
  });

  it('stops at once when the job is cancelled', async () => {
    const controller = new AbortController();
    const fetching = fetcher.fetchPage(site.url('/slow'), controller.signal);
    setTimeout(() => controller.abort(new Error('job cancelled')), 50);
    await expect(fetching).rejects.toThrow('job cancelled');
  });

  it.each([
    ['ftp://files.example/', 'Only http and https URLs are fetched, not ftp:'],
    ['file:///etc/passwd', 'Only http and https URLs are fetched, not file:'],
    ['http://user:secret@127.0.0.1/', 'URLs with credentials are not fetched'],
    ['not a url', 'Not a URL: not a url'],
  ])('refuses %s without a request', async (url, message) => {
    await expect(fetcher.fetchPage(url, never)).rejects.toMatchObject({ code: 'bad_url', message });
    expect(fetcherRequests()).toHaveLength(0);
  });

  it('a redirect to another scheme is refused', async () => {
    await expect(fetcher.fetchPage(site.url('/to-ftp'), never)).rejects.toMatchObject({
      code: 'bad_url',
    });
  });
});

describe('with private addresses refused (the default)', () => {
  const resolver = new FakeResolver({
    'internal.example': ['10.1.2.3'],
    'mixed.example': ['93.184.216.34', '192.168.0.10'],
    'mapped.example': ['::ffff:127.0.0.1'],
    'ula.example': ['fd00::1'],
    'no-such-host.example': Object.assign(new Error('getaddrinfo ENOTFOUND'), {
      code: 'ENOTFOUND',
    }),
  });
  const fetcher = new WebsiteFetcher(configWith({}), resolver);
  let requestsBefore: number;
  beforeAll(() => {
    requestsBefore = site.requests.length;
  });

  it.each([
    ['http://127.0.0.1:PORT/home', 'Refused: 127.0.0.1 is a loopback address'],
    ['http://10.0.0.1/', 'Refused: 10.0.0.1 is a private address'],
    [
      'http://169.254.169.254/latest/meta-data/',
      'Refused: 169.254.169.254 is a link-local address',
    ],
    ['http://[::1]:PORT/home', 'Refused: ::1 is a loopback address'],
    [
      'http://[::ffff:7f00:1]:PORT/home',
      'Refused: ::ffff:7f00:1 is a loopback (IPv4-mapped 127.0.0.1) address',
    ],
    ['http://0x7f.1:PORT/home', 'Refused: 127.0.0.1 is a loopback address'],
    ['http://localhost:PORT/home', 'Refused: localhost resolves to'],
    [
      'http://internal.example/',
      'Refused: internal.example resolves to 10.1.2.3, a private address',
    ],
    ['http://mixed.example/', 'Refused: mixed.example resolves to 192.168.0.10, a private address'],
    [
      'http://mapped.example/',
      'resolves to ::ffff:127.0.0.1, a loopback (IPv4-mapped 127.0.0.1) address',
    ],
    ['http://ula.example/', 'resolves to fd00::1, a unique local (private) address'],
  ])('%s is refused before any request', async (url, message) => {
    const error = await fetcher
      .fetchPage(url.replace('PORT', String(site.port)), never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebsiteFetchError);
    expect(error).toMatchObject({ code: 'refused', message: expect.stringContaining(message) });
    expect(fetcherRequests()).toHaveLength(0);
  });

  it('so the local server saw none of those', () => {
    expect(site.requests).toHaveLength(requestsBefore);
  });

  it('checks each redirect: a public first hop may not lead to a private one', async () => {
    const loopbackTrusting = new LoopbackServerFetcher(configWith({}), resolver);
    for (const [path, message] of [
      ['/to-private', 'Refused: 10.0.0.1 is a private address'],
      ['/to-ipv6-loopback', 'Refused: ::1 is a loopback address'],
    ]) {
      requestSpy.mockClear();
      await expect(loopbackTrusting.fetchPage(site.url(path), never)).rejects.toMatchObject({
        code: 'refused',
        message: expect.stringContaining(message),
      });
      // Only the first hop, to the test's server, was requested.
      expect(fetcherRequests().map(([options]) => (options as { path: string }).path)).toEqual([
        path,
      ]);
    }
  });

  it('reports a name that does not resolve', async () => {
    await expect(fetcher.fetchPage('http://no-such-host.example/', never)).rejects.toMatchObject({
      code: 'network',
      message: 'no-such-host.example does not resolve (getaddrinfo ENOTFOUND)',
    });
  });
});
