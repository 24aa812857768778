import type { DeliveryReport } from '../inbound-message.types';
import { HeaderField, headerValue, parseHeaderFields } from './mime-parts.util';

/** The fields of a `message/delivery-status` body (RFC 3464 §2.1): one per-message block, then one per recipient. */
export interface DeliveryStatusFields {
  perMessage: HeaderField[];
  perRecipient: HeaderField[][];
}

type Severity = DeliveryReport['severity'];

const DIAGNOSTIC_MAX = 500;
const SEVERITY_RANK: Record<Severity, number> = { success: 0, transient: 1, permanent: 2 };
/** The status an Action implies when a block has no usable Status field. */
const ACTION_STATUS: Record<string, string> = {
  failed: '5.0.0',
  delayed: '4.0.0',
  delivered: '2.0.0',
  relayed: '2.0.0',
  expanded: '2.0.0',
};

/** Splits a delivery-status body into its blocks (separated by empty lines) and reads their fields. */
export function parseDeliveryStatus(body: string): DeliveryStatusFields {
  const blocks = body
    .split(/\r?\n[ \t]*\r?\n/)
    .map((block) => parseHeaderFields(block.trim()))
    .filter((fields) => fields.length > 0);
  const isRecipientBlock = (fields: HeaderField[]) =>
    fields.some((field) => field.name === 'final-recipient' || field.name === 'original-recipient');
  const [first, ...rest] = blocks;
  if (first && isRecipientBlock(first)) return { perMessage: [], perRecipient: blocks };
  return { perMessage: first ?? [], perRecipient: rest.filter(isRecipientBlock) };
}

/** The class of a status code: 5 permanent, 4 transient, 2 success; null for anything else. */
export function statusSeverity(status: string): Severity | null {
  const digit = status.trim()[0];
  if (digit === '5') return 'permanent';
  if (digit === '4') return 'transient';
  if (digit === '2') return 'success';
  return null;
}

/** The address of an address-type field (`rfc822; Bob@Acme.example`), lowercased and unbracketed. */
export function recipientAddress(value: string | null): string | null {
  if (!value) return null;
  const address = (value.includes(';') ? value.slice(value.indexOf(';') + 1) : value)
    .trim()
    .replace(/^<|>$/g, '')
    .toLowerCase();
  return address || null;
}

/**
 * A block's status code: its Status field, else the enhanced code in its Diagnostic-Code, else
 * what its Action implies. Null when none of them says anything.
 */
export function blockStatus(block: HeaderField[]): string | null {
  const code = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
  const status = code.exec(headerValue(block, 'status') ?? '');
  if (status) return status[0];
  const diagnostic = code.exec(headerValue(block, 'diagnostic-code') ?? '');
  if (diagnostic) return diagnostic[0];
  return ACTION_STATUS[(headerValue(block, 'action') ?? '').trim().toLowerCase()] ?? null;
}

/**
 * The report a delivery-status body gives: the worst recipient block (permanent over transient
 * over success; the first of equals). Null when no block has a status.
 */
export function worstRecipientReport(
  fields: DeliveryStatusFields,
  originalMessageId: string | null,
): DeliveryReport | null {
  let worst: DeliveryReport | null = null;
  for (const block of fields.perRecipient) {
    const status = blockStatus(block);
    const severity = status ? statusSeverity(status) : null;
    if (!status || !severity) continue;
    if (worst && SEVERITY_RANK[worst.severity] >= SEVERITY_RANK[severity]) continue;
    const diagnostic = headerValue(block, 'diagnostic-code');
    worst = {
      severity,
      status,
      recipient:
        recipientAddress(headerValue(block, 'final-recipient')) ??
        recipientAddress(headerValue(block, 'original-recipient')),
      action: headerValue(block, 'action')?.trim().toLowerCase() || null,
      diagnostic: diagnostic ? diagnostic.slice(0, DIAGNOSTIC_MAX) : null,
      originalMessageId,
    };
  }
  return worst;
}
