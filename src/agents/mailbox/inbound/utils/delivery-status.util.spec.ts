import {
  blockStatus,
  parseDeliveryStatus,
  recipientAddress,
  statusSeverity,
  worstRecipientReport,
} from './delivery-status.util';
import { parseHeaderFields } from './mime-parts.util';

const report = (blocks: string[]) => parseDeliveryStatus(blocks.join('\r\n\r\n'));

describe('parseDeliveryStatus', () => {
  it('reads the per-message block and one block per recipient', () => {
    const fields = report([
      'Reporting-MTA: dns; mx.example\r\nX-Postfix-Queue-ID: 1A2B',
      'Final-Recipient: rfc822; a@x.example\r\nAction: failed\r\nStatus: 5.1.1',
      'Final-Recipient: rfc822; b@x.example\r\nAction: delayed\r\nStatus: 4.2.2',
    ]);
    expect(fields.perMessage.map((field) => field.name)).toEqual([
      'reporting-mta',
      'x-postfix-queue-id',
    ]);
    expect(fields.perRecipient).toHaveLength(2);
  });

  it('takes a first block that names a recipient as a recipient block', () => {
    expect(
      report(['Final-Recipient: rfc822; a@x.example\r\nStatus: 5.0.0']).perRecipient,
    ).toHaveLength(1);
  });

  it('unfolds a folded Diagnostic-Code', () => {
    const fields = report([
      'Reporting-MTA: dns; mx',
      'Final-Recipient: rfc822;a@x\r\nDiagnostic-Code: smtp; 550\r\n user unknown',
    ]);
    expect(fields.perRecipient[0].find((field) => field.name === 'diagnostic-code')?.value).toBe(
      'smtp; 550 user unknown',
    );
  });
});

describe('statusSeverity', () => {
  it.each([
    ['5.1.1', 'permanent'],
    ['4.2.2', 'transient'],
    ['2.0.0', 'success'],
    ['9.9.9', null],
  ])('%s is %s', (status, severity) => {
    expect(statusSeverity(status)).toBe(severity);
  });
});

describe('recipientAddress', () => {
  it('drops the address type and brackets, and lowercases', () => {
    expect(recipientAddress('rfc822; <Bob@Acme.Example>')).toBe('bob@acme.example');
    expect(recipientAddress('rfc822;bob@acme.example')).toBe('bob@acme.example');
    expect(recipientAddress(null)).toBeNull();
  });
});

describe('blockStatus', () => {
  const block = (text: string) => parseHeaderFields(text);
  it('reads Status, ignoring a comment after the code', () => {
    expect(blockStatus(block('Status: 5.1.10 (RESOLVER.ADR.RecipientNotFound)'))).toBe('5.1.10');
  });
  it('falls back to the code in Diagnostic-Code, then to what Action implies', () => {
    expect(blockStatus(block('Status: x\r\nDiagnostic-Code: smtp; 552 5.2.2 full'))).toBe('5.2.2');
    expect(blockStatus(block('Action: delayed'))).toBe('4.0.0');
    expect(blockStatus(block('Action: unknown'))).toBeNull();
  });
});

describe('worstRecipientReport', () => {
  it('reports the worst recipient: permanent over transient over success', () => {
    const fields = report([
      'Reporting-MTA: dns; mx',
      'Final-Recipient: rfc822; ok@x.example\r\nAction: delivered\r\nStatus: 2.0.0',
      'Final-Recipient: rfc822; later@x.example\r\nAction: delayed\r\nStatus: 4.2.2',
      'Original-Recipient: rfc822; Gone@X.example\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 unknown',
    ]);
    expect(worstRecipientReport(fields, 'orig@zigral.example')).toEqual({
      severity: 'permanent',
      status: '5.1.1',
      recipient: 'gone@x.example',
      action: 'failed',
      diagnostic: 'smtp; 550 5.1.1 unknown',
      originalMessageId: 'orig@zigral.example',
    });
  });

  it('caps the diagnostic at 500 characters', () => {
    const fields = report([
      'Final-Recipient: rfc822; a@x\r\nStatus: 5.0.0\r\nDiagnostic-Code: ' + 'x'.repeat(900),
    ]);
    expect(worstRecipientReport(fields, null)?.diagnostic).toHaveLength(500);
  });

  it('is null without a block that has a status', () => {
    expect(worstRecipientReport(report(['Reporting-MTA: dns; mx']), null)).toBeNull();
  });
});
