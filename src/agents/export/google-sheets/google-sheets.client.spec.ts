import { fetchWithTokenUri, GOOGLE_TOKEN_URL } from './google-sheets.client';

describe('fetchWithTokenUri', () => {
  it("leaves gaxios' own fetch when the key uses Google's token endpoint", () => {
    expect(fetchWithTokenUri(undefined)).toBeUndefined();
    expect(fetchWithTokenUri(GOOGLE_TOKEN_URL)).toBeUndefined();
  });

  it("sends only the token request to the key's token_uri", async () => {
    const seen: string[] = [];
    const original = global.fetch;
    global.fetch = ((url: string | URL | Request) => {
      seen.push(url instanceof URL ? url.href : String(url));
      return Promise.resolve(new Response('{}'));
    }) as typeof fetch;
    try {
      const custom = fetchWithTokenUri('http://127.0.0.1:9/token')!;
      await custom(new URL(GOOGLE_TOKEN_URL), { method: 'POST' });
      await custom('https://sheets.googleapis.com/v4/spreadsheets/x', {});
    } finally {
      global.fetch = original;
    }
    expect(seen).toEqual([
      'http://127.0.0.1:9/token',
      'https://sheets.googleapis.com/v4/spreadsheets/x',
    ]);
  });
});
