import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface StreamedAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** An upload whose body the test writes piece by piece (chunked, no Content-Length). */
export interface StreamedUpload {
  write(text: string): Promise<void>;
  end(): void;
  /** The answer, whenever the server sends it (it may before the body ended). */
  answer: Promise<StreamedAnswer>;
}

/** Opens `POST {baseUrl}{path}` with a text/csv body streamed by the test. */
export function streamUpload(baseUrl: string, path: string): StreamedUpload {
  const request = httpRequest(`${baseUrl}${path}`, {
    method: 'POST',
    // Its own connection, closed after the answer: app.close() then waits for none.
    agent: false,
    headers: { 'content-type': 'text/csv', 'transfer-encoding': 'chunked', connection: 'close' },
  });
  const answer = new Promise<StreamedAnswer>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.once('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        }),
      );
    });
  });
  // A refused upload closes the connection: the test's later writes must not fail it.
  request.on('error', () => undefined);
  return {
    // Resolves once written, or when the connection closed (the server answered early).
    write: (text) =>
      new Promise((resolve) => {
        if (request.destroyed || request.writableEnded) return resolve();
        request.once('close', resolve);
        request.write(text, () => {
          request.off('close', resolve);
          resolve();
        });
      }),
    end: () => {
      if (!request.destroyed && !request.writableEnded) request.end();
    },
    answer,
  };
}

/** `count` CSV rows of distinct people, numbered from `first`. */
export function peopleRows(first: number, count: number): string {
  const rows: string[] = [];
  for (let n = first; n < first + count; n++) {
    rows.push(`Person ${n},person${n}@company${n % 50}.example,Sales Manager,Company ${n % 50}`);
  }
  return `${rows.join('\n')}\n`;
}

export const PEOPLE_HEADER = 'name,email,title,company\n';
