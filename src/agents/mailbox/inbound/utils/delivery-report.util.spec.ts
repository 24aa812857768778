import { isDeliveryStatusNotification, readDeliveryReport } from './delivery-report.util';
import { parseHeaderFields } from './mime-parts.util';

const dsn = (parts: string[], extraHeader = '') =>
  [
    'From: MAILER-DAEMON@mx.example',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    extraHeader,
    '',
    ...parts.flatMap((part) => ['--b', part]),
    '--b--',
    '',
  ]
    .filter((line, i) => i !== 2 || line !== '')
    .join('\r\n');

const STATUS =
  'Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; bob@acme.example\r\nAction: failed\r\nStatus: 5.1.1\r\n';

describe('isDeliveryStatusNotification', () => {
  it('recognises multipart/report with report-type delivery-status only', () => {
    const header = (type: string) => parseHeaderFields(`Content-Type: ${type}`);
    expect(
      isDeliveryStatusNotification(
        header('multipart/report; report-type="delivery-status"; boundary=x'),
      ),
    ).toBe(true);
    expect(
      isDeliveryStatusNotification(header('Multipart/Report; Report-Type=Delivery-Status')),
    ).toBe(true);
    expect(
      isDeliveryStatusNotification(
        header('multipart/report; report-type=disposition-notification'),
      ),
    ).toBe(false);
    expect(isDeliveryStatusNotification(header('multipart/mixed'))).toBe(false);
  });
});

describe('readDeliveryReport', () => {
  it('reads the status part and the original Message-ID from text/rfc822-headers', () => {
    const source = dsn([
      'Content-Type: text/plain\r\n\r\nSorry, the recipient said something else entirely.',
      STATUS,
      'Content-Type: text/rfc822-headers\r\n\r\nSubject: Hi\r\nMessage-ID: <orig-1@zigral.example>\r\n',
    ]);
    expect(readDeliveryReport(source)).toMatchObject({
      severity: 'permanent',
      status: '5.1.1',
      recipient: 'bob@acme.example',
      originalMessageId: 'orig-1@zigral.example',
    });
  });

  it('reads the original Message-ID from a returned message/rfc822', () => {
    const source = dsn([
      STATUS,
      'Content-Type: message/rfc822\r\n\r\nMessage-ID: <orig-2@zigral.example>\r\nSubject: Hi\r\n\r\nbody',
    ]);
    expect(readDeliveryReport(source)?.originalMessageId).toBe('orig-2@zigral.example');
  });

  it("falls back to the notification's own In-Reply-To", () => {
    const source = dsn([STATUS], 'In-Reply-To: <orig-3@zigral.example>');
    expect(readDeliveryReport(source)?.originalMessageId).toBe('orig-3@zigral.example');
  });

  it('reads a base64-encoded status part', () => {
    const body = Buffer.from(
      'Final-Recipient: rfc822; bob@acme.example\r\nAction: delayed\r\nStatus: 4.4.7\r\n',
    ).toString('base64');
    const source = dsn([
      `Content-Type: message/delivery-status\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}`,
    ]);
    expect(readDeliveryReport(source)).toMatchObject({
      severity: 'transient',
      status: '4.4.7',
      originalMessageId: null,
    });
  });

  it('is null without a status part, whatever the wording says', () => {
    expect(
      readDeliveryReport(dsn(['Content-Type: text/plain\r\n\r\nStatus: 5.1.1 user unknown'])),
    ).toBeNull();
  });
});
