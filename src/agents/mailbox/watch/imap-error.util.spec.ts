import { AuthenticationFailure } from 'imapflow';
import { classifyImapError } from './imap-error.util';

describe('classifyImapError', () => {
  it('reads a refused login as auth_failed', () => {
    const error = Object.assign(new AuthenticationFailure('Authentication failed'), {
      responseText: 'Authentication failed.',
      serverResponseCode: 'AUTHENTICATIONFAILED',
    });
    expect(classifyImapError(error)).toEqual({
      state: 'auth_failed',
      message: 'Authentication failed - Authentication failed.',
    });
  });

  it.each([
    'ECONNREFUSED',
    'ENOTFOUND',
    'CONNECT_TIMEOUT',
    'GREETING_TIMEOUT',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
  ])('reads %s as unreachable', (code) => {
    const error = Object.assign(new Error('connect failed'), { code });
    expect(classifyImapError(error)).toEqual({
      state: 'unreachable',
      message: `${code}: connect failed`,
    });
  });

  it('reads a failed STARTTLS as unreachable', () => {
    const error = Object.assign(new Error('Server does not support STARTTLS'), { tlsFailed: true });
    expect(classifyImapError(error).state).toBe('unreachable');
  });

  it('reads anything else (a missing folder) as error, with the server text', () => {
    const error = Object.assign(new Error('Command failed'), {
      responseText: 'Mailbox does not exist: Watched',
      mailboxMissing: true,
    });
    expect(classifyImapError(error)).toEqual({
      state: 'error',
      message: 'Command failed - Mailbox does not exist: Watched',
    });
    expect(classifyImapError('odd')).toEqual({ state: 'error', message: 'odd' });
  });
});
