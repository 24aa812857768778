import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { AppConfig } from '../../config/app-config';
import { nonPublicReason } from './utils/address-policy.util';

/** Bytes of a page read at most; the rest is not downloaded. */
export const MAX_PAGE_BYTES = 1024 * 1024;
export const MAX_REDIRECTS = 3;
export const RESEARCH_USER_AGENT =
  'Mozilla/5.0 (compatible; ZigralResearch/1.0; company research for sales prospecting, one request per site)';

const PAGE_TYPES = /^\s*(text\/html|application\/xhtml\+xml|text\/plain)\s*(;|$)/i;

export type WebsiteFetchErrorCode =
  'bad_url' | 'refused' | 'timeout' | 'too_many_redirects' | 'http_status' | 'not_html' | 'network';

/** Why a page could not be fetched; the message is recorded with the company. */
export class WebsiteFetchError extends Error {
  constructor(
    readonly code: WebsiteFetchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WebsiteFetchError';
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** DNS resolution, behind a class so tests can answer for names they do not own. */
@Injectable()
export class HostResolver {
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    const answers = await lookup(hostname, { all: true, verbatim: true });
    return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
  }
}

export interface FetchedPage {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  contentType?: string;
  html: string;
  /** The page was longer than MAX_PAGE_BYTES and was cut there. */
  truncated: boolean;
}

/**
 * Fetches a company's home page, and nothing it should not: http and https only; every address
 * the host resolves to must be public (unless RESEARCH_ALLOW_PRIVATE=true), checked before each
 * connection including redirects, and the connection goes to a checked address (no second DNS
 * answer); at most MAX_REDIRECTS redirects, RESEARCH_TIMEOUT_MS in all, MAX_PAGE_BYTES read.
 */
@Injectable()
export class WebsiteFetcher {
  constructor(
    private readonly config: AppConfig,
    private readonly resolver: HostResolver,
  ) {}

  async fetchPage(url: string, signal: AbortSignal): Promise<FetchedPage> {
    const { timeoutMs } = this.config.research;
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);
    try {
      return await this.follow(parseWebUrl(url), combined);
    } catch (error) {
      signal.throwIfAborted();
      if (timeout.aborted) {
        throw new WebsiteFetchError('timeout', `No complete answer within ${timeoutMs} ms`);
      }
      if (error instanceof WebsiteFetchError) throw error;
      throw new WebsiteFetchError('network', `Could not fetch ${url}: ${describeError(error)}`);
    }
  }

  private async follow(start: URL, signal: AbortSignal): Promise<FetchedPage> {
    let url = start;
    for (let redirects = 0; ; redirects += 1) {
      const addresses = await this.allowedAddresses(url, signal);
      const response = await get(url, addresses, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.destroy();
        if (redirects >= MAX_REDIRECTS) {
          throw new WebsiteFetchError('too_many_redirects', `More than ${MAX_REDIRECTS} redirects`);
        }
        url = parseWebUrl(new URL(location, url).href);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new WebsiteFetchError('http_status', `HTTP ${status} from ${url.href}`);
      }
      const contentType = response.headers['content-type'];
      if (contentType && !PAGE_TYPES.test(contentType)) {
        response.destroy();
        throw new WebsiteFetchError('not_html', `Not a web page (${contentType}) at ${url.href}`);
      }
      const { body, truncated } = await readCapped(response, MAX_PAGE_BYTES);
      return { url: url.href, status, contentType, html: decodeBody(body, contentType), truncated };
    }
  }

  /** The addresses of the URL's host, each checked; refused when any one is not public. */
  private async allowedAddresses(url: URL, signal: AbortSignal): Promise<ResolvedAddress[]> {
    const host = bareHost(url);
    const family = isIP(host);
    const addresses: ResolvedAddress[] = family
      ? [{ address: host, family: family === 6 ? 6 : 4 }]
      : await this.resolve(host, signal);
    for (const { address } of addresses) {
      const reason = this.refusalReason(address);
      if (reason) {
        const what = family ? `${address} is` : `${host} resolves to ${address},`;
        throw new WebsiteFetchError(
          'refused',
          `Refused: ${what} a ${reason} address; only public addresses are fetched`,
        );
      }
    }
    return addresses;
  }

  /** Why an address may not be fetched (not a public one), or undefined when it may. */
  protected refusalReason(address: string): string | undefined {
    return this.config.research.allowPrivateAddresses ? undefined : nonPublicReason(address);
  }

  private async resolve(host: string, signal: AbortSignal): Promise<ResolvedAddress[]> {
    let addresses: ResolvedAddress[];
    try {
      addresses = await abortable(this.resolver.resolve(host), signal);
    } catch (error) {
      signal.throwIfAborted();
      throw new WebsiteFetchError('network', `${host} does not resolve (${describeError(error)})`);
    }
    if (addresses.length === 0) {
      throw new WebsiteFetchError('network', `${host} does not resolve`);
    }
    return addresses;
  }
}

/** A URL the fetcher may request: http or https, no credentials. */
export function parseWebUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebsiteFetchError('bad_url', `Not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebsiteFetchError(
      'bad_url',
      `Only http and https URLs are fetched, not ${url.protocol}`,
    );
  }
  if (url.username || url.password) {
    throw new WebsiteFetchError('bad_url', 'URLs with credentials are not fetched');
  }
  url.hash = '';
  return url;
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function get(
  url: URL,
  addresses: ResolvedAddress[],
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      {
        protocol: url.protocol,
        hostname: bareHost(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: {
          'user-agent': RESEARCH_USER_AGENT,
          accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5',
          'accept-language': 'en;q=1.0, *;q=0.5',
          'accept-encoding': 'identity',
        },
        // A fresh connection to an address checked above: no pooled socket, no second lookup.
        agent: false,
        lookup: pinnedLookup(addresses),
        signal,
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

/** A DNS lookup that answers with the already checked addresses only. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const wanted = addresses.filter(({ family }) =>
      options.family !== 4 && options.family !== 6 ? true : family === options.family,
    );
    if (wanted.length === 0) {
      const error = Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' });
      callback(error, '', 0);
    } else if (options.all) {
      callback(null, wanted);
    } else {
      callback(null, wanted[0].address, wanted[0].family);
    }
  };
}

async function readCapped(
  response: http.IncomingMessage,
  maxBytes: number,
): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    if (size + chunk.length > maxBytes) {
      chunks.push(chunk.subarray(0, maxBytes - size));
      // Stop downloading: the rest of the page is never read.
      response.destroy();
      return { body: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  return { body: Buffer.concat(chunks), truncated: false };
}

/** The body as text, in the charset of the header or of a `<meta charset>`, else UTF-8. */
function decodeBody(body: Buffer, contentType: string | undefined): string {
  const declared =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(body.subarray(0, 2048).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
