import { createServer, IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** Company websites for research tests: one server on 127.0.0.1, a route per fake site. */
export interface FakeWebsite {
  origin: string;
  port: number;
  url(path: string): string;
  requests: RecordedRequest[];
  hits(path: string): number;
  /** Most requests in flight at once. */
  maxInFlight: number;
  /** Paths whose response the client closed before it was complete. */
  cutOff: string[];
  close(): Promise<void>;
}

export async function startFakeWebsite(routes: Record<string, RouteHandler>): Promise<FakeWebsite> {
  let inFlight = 0;
  const site: Omit<FakeWebsite, 'origin' | 'port' | 'url' | 'close'> = {
    requests: [],
    hits: (path) => site.requests.filter((request) => request.path === path).length,
    maxInFlight: 0,
    cutOff: [],
  };
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    site.requests.push({ path, headers: request.headers });
    inFlight += 1;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    response.on('close', () => {
      inFlight -= 1;
      if (!response.writableFinished) site.cutOff.push(path);
    });
    const route = routes[path];
    if (route) route(request, response);
    else html('<title>Not found</title>', 404)(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return Object.assign(site, {
    origin,
    port,
    url: (path: string) => `${origin}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** Answers with an HTML page (or any text and type). */
export function html(body: string, status = 200, contentType = 'text/html; charset=utf-8') {
  return ((_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  }) satisfies RouteHandler;
}

/** Answers after a pause. */
export function delayed(ms: number, handler: RouteHandler): RouteHandler {
  return (request, response) => {
    const timer = setTimeout(() => handler(request, response), ms);
    response.on('close', () => clearTimeout(timer));
  };
}

export function redirect(location: string, status = 301): RouteHandler {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}

/** Sends `head`, then `totalBytes` of filler in chunks, minding backpressure, then `tail`. */
export function streamed(head: string, totalBytes: number, tail: string): RouteHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.write(head);
    const chunk = Buffer.alloc(16 * 1024, 'lorem ipsum ');
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes && !response.destroyed) {
        sent += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      if (!response.destroyed) response.end(tail);
    };
    pump();
  };
}
