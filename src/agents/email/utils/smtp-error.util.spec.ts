import { classifySmtpError } from './smtp-error.util';

describe('classifySmtpError', () => {
  it('reads a 4xx/5xx answer as a rejection', () => {
    expect(
      classifySmtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 No such user' }),
    ).toEqual({ kind: 'rejected', reason: 'SMTP server refused the message: 550 No such user' });
  });

  it('reads connection failures as unreachable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ESOCKET',
      syscall: 'connect',
      command: 'CONN',
    });
    expect(classifySmtpError(refused).kind).toBe('unreachable');
    const timeout = Object.assign(new Error('Connection timeout'), {
      code: 'ETIMEDOUT',
      command: 'CONN',
    });
    expect(classifySmtpError(timeout).kind).toBe('unreachable');
  });

  it('reads a refused login as a configuration problem', () => {
    expect(classifySmtpError({ code: 'EAUTH', message: 'Invalid login' }).kind).toBe(
      'login_failed',
    );
    // As nodemailer raises it: the server's 535 answer to AUTH comes with the error.
    const refused = Object.assign(new Error('Invalid login: 535 Authentication failed'), {
      code: 'EAUTH',
      responseCode: 535,
      response: '535 Authentication failed',
      command: 'AUTH PLAIN',
    });
    expect(classifySmtpError(refused).kind).toBe('login_failed');
  });

  it('treats a broken connection mid-message as unknown, never to retry', () => {
    const broken = Object.assign(new Error('Connection closed unexpectedly'), {
      code: 'ECONNECTION',
      command: 'CONN',
    });
    const failure = classifySmtpError(broken);
    expect(failure.kind).toBe('unknown');
    expect(failure.reason).toContain('not retried to avoid a duplicate');
    expect(classifySmtpError('weird').kind).toBe('unknown');
  });
});
