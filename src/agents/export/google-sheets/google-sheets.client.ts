import { auth, sheets } from '@googleapis/sheets';
import type { ServiceAccountKey } from './service-account.util';

/** The Sheets API, as the export uses it: behind an injection token, so tests can swap it. */
export interface GoogleSheetsClient {
  /** The titles of the spreadsheet's sheets (tabs), in order. */
  sheetTitles(spreadsheetId: string, signal: AbortSignal): Promise<string[]>;
  /** The values of each A1 range, row by row (empty trailing cells and rows left out). */
  getValues(spreadsheetId: string, ranges: string[], signal: AbortSignal): Promise<unknown[][][]>;
  /**
   * Appends rows after the table found at `range`, stored exactly as given (`RAW`: text that
   * looks like a formula stays text). Answers the range Google wrote.
   */
  append(
    spreadsheetId: string,
    range: string,
    values: (string | number)[][],
    signal: AbortSignal,
  ): Promise<{ updatedRange: string | null }>;
}

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** The token endpoint google-auth-library (gtoken) posts to, whatever the key file says. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The real client: `@googleapis/sheets` authenticated as the service account with a JWT client.
 * gtoken ignores the key's `token_uri` and always posts to Google's endpoint, so when the key
 * names another endpoint the client gets a fetch that sends that one request there (Node's own
 * fetch, which also spares gaxios loading the ESM-only node-fetch under Jest). With Google's
 * endpoint, gaxios keeps its own fetch, and with it its HTTPS_PROXY support.
 */
export function createGoogleSheetsClient(input: {
  key: ServiceAccountKey;
  rootUrl?: string;
}): GoogleSheetsClient {
  const jwt = new auth.JWT({
    email: input.key.client_email,
    key: input.key.private_key,
    scopes: [SHEETS_SCOPE],
    transporterOptions: { fetchImplementation: fetchWithTokenUri(input.key.token_uri) },
  });
  const api = sheets({ version: 'v4', auth: jwt, rootUrl: input.rootUrl, retry: false });
  const options = (signal: AbortSignal) => ({ signal, timeout: REQUEST_TIMEOUT_MS });
  return {
    async sheetTitles(spreadsheetId, signal) {
      const response = await api.spreadsheets.get(
        { spreadsheetId, fields: 'sheets.properties.title' },
        options(signal),
      );
      return (response.data.sheets ?? []).map((sheet) => sheet.properties?.title ?? '');
    },
    async getValues(spreadsheetId, ranges, signal) {
      const response = await api.spreadsheets.values.batchGet(
        { spreadsheetId, ranges, majorDimension: 'ROWS' },
        options(signal),
      );
      return ranges.map((_, i) => (response.data.valueRanges?.[i]?.values ?? []) as unknown[][]);
    },
    async append(spreadsheetId, range, values, signal) {
      const response = await api.spreadsheets.values.append(
        {
          spreadsheetId,
          range,
          valueInputOption: 'RAW',
          insertDataOption: 'INSERT_ROWS',
          requestBody: { majorDimension: 'ROWS', values },
        },
        options(signal),
      );
      return { updatedRange: response.data.updates?.updatedRange ?? null };
    },
  };
}

/**
 * A `fetch` that sends requests for Google's token endpoint to `tokenUri` instead; undefined
 * (gaxios' default) when the key uses Google's endpoint.
 */
export function fetchWithTokenUri(tokenUri: string | undefined): typeof fetch | undefined {
  if (!tokenUri || tokenUri === GOOGLE_TOKEN_URL) return undefined;
  return (url, init) => {
    const href = url instanceof URL ? url.href : typeof url === 'string' ? url : url.url;
    return fetch(href === GOOGLE_TOKEN_URL ? tokenUri : url, init);
  };
}
