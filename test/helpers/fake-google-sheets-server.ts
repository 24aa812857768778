import { generateKeyPairSync, KeyObject, verify } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake received (the token request's assertion decoded). */
export interface SheetsRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  body: unknown;
}

/** Claims of a service account's signed token request. */
export interface TokenClaims {
  iss: string;
  scope: string;
  aud: string;
}

/**
 * The Sheets API v4 (the calls the export makes) and a Google OAuth token endpoint on
 * 127.0.0.1. The token endpoint checks the assertion's RS256 signature against the service
 * account's public key and hands out a bearer token the API then requires.
 */
export interface FakeGoogleSheets {
  origin: string;
  tokenUri: string;
  spreadsheetId: string;
  /** An inline service account key whose token_uri is this fake. */
  serviceAccountJson: string;
  clientEmail: string;
  /** The access token the token endpoint issues. */
  accessToken: string;
  /** Each tab's rows, as the API stored them. */
  tabs: Map<string, unknown[][]>;
  requests: SheetsRequest[];
  tokenClaims: TokenClaims[];
  appends(): SheetsRequest[];
  /** Store the next append but answer 503, as if the process died before the answer. */
  failNextAppendAfterStoring: boolean;
  close(): Promise<void>;
}

export async function startFakeGoogleSheets(
  input: { tabs?: string[]; spreadsheetId?: string } = {},
): Promise<FakeGoogleSheets> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server = createServer((request, response) => {
    void readBody(request).then((raw) => {
      try {
        handle(fake, publicKey, request, response, raw);
      } catch (error) {
        send(response, 500, googleError(500, String(error)));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const clientEmail = 'zigral-export@zigral-test.iam.gserviceaccount.com';
  const fake: FakeGoogleSheets = {
    origin,
    tokenUri: `${origin}/token`,
    spreadsheetId: input.spreadsheetId ?? 'fakeSpreadsheet_0123456789',
    clientEmail,
    serviceAccountJson: JSON.stringify({
      type: 'service_account',
      project_id: 'zigral-test',
      private_key_id: 'k1',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: clientEmail,
      token_uri: `${origin}/token`,
    }),
    accessToken: 'ya29.fake-access-token',
    tabs: new Map((input.tabs ?? ['Sheet1']).map((title) => [title, []])),
    requests: [],
    tokenClaims: [],
    appends: () => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(':append')),
    failNextAppendAfterStoring: false,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

const googleError = (code: number, message: string) => ({ error: { code, message } });

function handle(
  fake: FakeGoogleSheets,
  publicKey: KeyObject,
  request: IncomingMessage,
  response: ServerResponse,
  raw: string,
): void {
  const url = new URL(request.url ?? '/', fake.origin);
  const path = decodeURIComponent(url.pathname);
  const isJson = (request.headers['content-type'] ?? '').includes('json');
  const body = raw && isJson ? (JSON.parse(raw) as unknown) : raw;
  const authorization = request.headers.authorization;
  fake.requests.push({
    method: request.method ?? '',
    path,
    query: url.searchParams,
    authorization,
    body,
  });
  if (path === '/token') return token(fake, publicKey, raw, response);
  if (authorization !== `Bearer ${fake.accessToken}`) {
    return send(response, 401, googleError(401, 'Request had invalid authentication credentials.'));
  }
  const prefix = `/v4/spreadsheets/${fake.spreadsheetId}`;
  if (!path.startsWith(prefix)) {
    return send(response, 404, googleError(404, 'Requested entity was not found.'));
  }
  const rest = path.slice(prefix.length);
  if (request.method === 'GET' && rest === '') {
    const sheets = [...fake.tabs.keys()].map((title) => ({ properties: { title } }));
    return send(response, 200, { sheets });
  }
  if (request.method === 'GET' && rest === '/values:batchGet') {
    const valueRanges = url.searchParams.getAll('ranges').map((range) => ({
      range,
      majorDimension: 'ROWS',
      values: readRange(fake, range),
    }));
    return send(response, 200, { spreadsheetId: fake.spreadsheetId, valueRanges });
  }
  const append = /^\/values\/(.+):append$/.exec(rest);
  if (request.method === 'POST' && append) return appendRows(fake, append[1], body, response);
  send(response, 404, googleError(404, `No route ${request.method} ${path}`));
}

function token(
  fake: FakeGoogleSheets,
  publicKey: KeyObject,
  raw: string,
  response: ServerResponse,
) {
  const form = new URLSearchParams(raw);
  const [header, payload, signature] = (form.get('assertion') ?? '').split('.');
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    publicKey,
    Buffer.from(signature ?? '', 'base64url'),
  );
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' || !signed) {
    return send(response, 400, {
      error: 'invalid_grant',
      error_description: 'Invalid JWT Signature.',
    });
  }
  fake.tokenClaims.push(JSON.parse(Buffer.from(payload, 'base64url').toString()) as TokenClaims);
  send(response, 200, { access_token: fake.accessToken, expires_in: 3599, token_type: 'Bearer' });
}

/** `'Tab'!1:1` (a row) or `'Tab'!Q:Q` (a column) of a tab. */
function readRange(fake: FakeGoogleSheets, range: string): unknown[][] {
  const match = /^'((?:[^']|'')+)'!(.+)$/.exec(range);
  const rows = match ? fake.tabs.get(match[1].replace(/''/g, "'")) : undefined;
  if (!match || !rows) return [];
  const part = match[2];
  if (part === '1:1') return rows.length > 0 ? [rows[0]] : [];
  const column = /^([A-Z]+):\1$/.exec(part);
  if (!column) return [];
  const index = column[1].split('').reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return rows.map((row) => (row[index] === undefined ? [] : [row[index]]));
}

function appendRows(
  fake: FakeGoogleSheets,
  range: string,
  body: unknown,
  response: ServerResponse,
) {
  const match = /^'((?:[^']|'')+)'!A1$/.exec(range);
  const title = match?.[1].replace(/''/g, "'");
  const rows = title === undefined ? undefined : fake.tabs.get(title);
  if (!rows || !title)
    return send(response, 400, googleError(400, `Unable to parse range: ${range}`));
  const values = (body as { values?: unknown[][] }).values ?? [];
  const start = rows.length + 1;
  rows.push(...values);
  if (fake.failNextAppendAfterStoring) {
    fake.failNextAppendAfterStoring = false;
    return send(response, 503, googleError(503, 'The service is currently unavailable.'));
  }
  const width = Math.max(...values.map((row) => row.length));
  const last = String.fromCharCode(64 + Math.min(width, 26));
  const updatedRange = `'${title}'!A${start}:${last}${start + values.length - 1}`;
  send(response, 200, {
    spreadsheetId: fake.spreadsheetId,
    tableRange: `'${title}'!A1:${last}${start - 1}`,
    updates: { updatedRange, updatedRows: values.length },
  });
}
