import { describeError } from './errors';

describe('describeError', () => {
  it('uses the service message and names the next step for a refusal', () => {
    const plain = describeError({
      status: 409,
      body: { message: 'Job j1 was already approved by ana at 10:02', request_id: 'r-1' },
    });
    expect(plain.title).toBe('The request was refused');
    expect(plain.detail).toBe('Job j1 was already approved by ana at 10:02');
    expect(plain.next).toMatch(/Reload/);
    expect(plain.requestId).toBe('r-1');
  });

  it('asks to retry a server failure and to report its request id', () => {
    const plain = describeError({ status: 500, body: { message: 'Internal server error' } });
    expect(plain.title).toBe('Something went wrong on the service');
    expect(plain.next).toMatch(/request id/);
  });

  it('explains a network failure without a status', () => {
    const plain = describeError(new TypeError('Failed to fetch'));
    expect(plain.title).toBe('The service could not be reached');
    expect(plain.detail).toBe('Failed to fetch');
  });

  it('falls back to the status when the body has no message', () => {
    expect(describeError({ status: 418 }).detail).toBe('The service answered 418.');
  });
});
