import { ActionError } from '../../../orchestrator/agents/retry-policy.util';
import { sheetsFailure } from './sheets-error.util';

const gaxiosError = (status: number, message: string) =>
  Object.assign(new Error(`Request failed with status ${status}`), {
    status,
    response: { status, data: { error: { code: status, message } } },
  });

describe('sheetsFailure', () => {
  const account = 'bot@p.iam.gserviceaccount.com';

  it('makes a refusal a non-retryable error saying whom to share the sheet with', () => {
    const error = sheetsFailure(gaxiosError(403, 'The caller does not have permission'), account);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).retryable).toBe(false);
    expect(error.message).toBe(
      'Google Sheets refused access (403: The caller does not have permission); share the sheet ' +
        `with ${account} as an editor and check the service account key`,
    );
  });

  it('makes an unknown spreadsheet and a bad request non-retryable', () => {
    for (const status of [404, 400]) {
      const error = sheetsFailure(gaxiosError(status, 'nope'), account);
      expect(error).toBeInstanceOf(ActionError);
      expect(error.message).toContain(`${status === 404 ? 'not found' : '400: nope'}`);
    }
  });

  it('makes a refused token request non-retryable', () => {
    const error = sheetsFailure(new Error('invalid_grant: Invalid JWT Signature.'), account);
    expect(error).toBeInstanceOf(ActionError);
  });

  it('leaves rate limits, server errors and network failures retryable', () => {
    for (const failure of [
      gaxiosError(429, 'Quota exceeded'),
      gaxiosError(503, 'Unavailable'),
      new Error('fetch failed'),
    ]) {
      const error = sheetsFailure(failure, account);
      expect(error).not.toBeInstanceOf(ActionError);
      expect(error.message).toMatch(/^Google Sheets request failed: /);
    }
  });

  it('passes an ActionError through', () => {
    const original = new ActionError('no sheets');
    expect(sheetsFailure(original, account)).toBe(original);
  });
});
