import { isInlineServiceAccount, parseServiceAccount } from './service-account.util';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const valid = {
  type: 'service_account',
  client_email: 'bot@p.iam.gserviceaccount.com',
  private_key: PEM,
};

describe('parseServiceAccount', () => {
  it('reads the fields authentication uses', () => {
    const result = parseServiceAccount(
      JSON.stringify({ ...valid, token_uri: 'https://oauth2.googleapis.com/token' }),
    );
    expect(result).toEqual({
      ok: true,
      key: {
        client_email: valid.client_email,
        private_key: PEM,
        token_uri: 'https://oauth2.googleapis.com/token',
      },
    });
  });

  it('allows a plain-http token endpoint only on loopback', () => {
    const at = (token_uri: string) => parseServiceAccount(JSON.stringify({ ...valid, token_uri }));
    expect(at('http://127.0.0.1:4000/token').ok).toBe(true);
    expect(at('http://tokens.example/token')).toEqual({
      ok: false,
      reason: '"token_uri" must be an https URL',
    });
    expect(at('not a url').ok).toBe(false);
  });

  it('names the problem without echoing the key', () => {
    const reasons = [
      parseServiceAccount('{not json'),
      parseServiceAccount('[]'),
      parseServiceAccount(JSON.stringify({ ...valid, type: 'authorized_user' })),
      parseServiceAccount(JSON.stringify({ ...valid, client_email: undefined })),
      parseServiceAccount(JSON.stringify({ ...valid, private_key: 'secret-not-pem' })),
    ].map((result) => (result.ok ? 'ok' : result.reason));
    expect(reasons).toEqual([
      'it is not valid JSON',
      'it is not a JSON object',
      'its "type" is not "service_account"',
      '"client_email" is missing',
      '"private_key" is missing or not a PEM key',
    ]);
    expect(reasons.join(' ')).not.toContain('secret');
  });

  it('tells inline JSON from a path', () => {
    expect(isInlineServiceAccount(' {"a":1}')).toBe(true);
    expect(isInlineServiceAccount('/etc/zigral/key.json')).toBe(false);
  });
});
