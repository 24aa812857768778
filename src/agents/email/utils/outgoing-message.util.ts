import { createHash } from 'node:crypto';

/** What the SMTP transport is handed for one message. */
export interface OutgoingMail {
  from: string;
  to: { name: string; address: string } | string;
  subject: string;
  text: string;
  messageId: string;
  /** `In-Reply-To`: the Message-ID a follow-up answers. */
  inReplyTo?: string;
  /** `References`: the thread's earlier Message-IDs, space-separated, newest last. */
  references?: string;
  headers: Record<string, string>;
  /**
   * The SMTP envelope, when its sender is not the From address (BOUNCE_ADDRESS): nodemailer then
   * takes sender and recipients from here, so the recipient is repeated.
   */
  envelope?: { from: string; to: string };
}

/** The domain of an address such as `Ana from Acme <ana@acme.example>`, for Message-IDs. */
export function domainOfAddress(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address
    .slice(address.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
  return /^[a-z0-9.-]+$/.test(domain) && domain.includes('.') ? domain : 'zigral.invalid';
}

/**
 * The Message-ID of a message from its exactly-once key: the same key always gives the same id,
 * so a receiving server or the outbox can recognise a duplicate.
 */
export function messageIdFor(sendKey: string, from: string): string {
  const digest = createHash('sha256').update(sendKey).digest('hex').slice(0, 32);
  return `<${digest}@${domainOfAddress(from)}>`;
}

/** The link recipients use to unsubscribe. */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/unsubscribe/${encodeURIComponent(token)}`;
}

/**
 * One outbox message as sent: the current text with an unsubscribe line at the end, and the
 * RFC 2369 / RFC 8058 headers that let mail clients offer one-click unsubscribe. A follow-up in a
 * thread also gets `In-Reply-To` and `References` (RFC 5322 §3.6.4), so mail clients show one
 * conversation.
 */
export function buildOutgoingMail(input: {
  from: string;
  to: string;
  name: string | null;
  subject: string;
  body: string;
  messageId: string;
  unsubscribeUrl: string;
  inReplyTo?: string | null;
  references?: string | null;
  /** The envelope sender (MAIL FROM, hence Return-Path); unset, the From address. */
  envelopeFrom?: string;
}): OutgoingMail {
  const footer = `--\nTo stop receiving these emails, unsubscribe here: ${input.unsubscribeUrl}`;
  return {
    from: input.from,
    to: input.name ? { name: input.name, address: input.to } : input.to,
    subject: input.subject,
    text: `${input.body.trimEnd()}\n\n${footer}\n`,
    messageId: input.messageId,
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
    ...(input.references ? { references: input.references } : {}),
    headers: {
      'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    ...(input.envelopeFrom ? { envelope: { from: input.envelopeFrom, to: input.to } } : {}),
  };
}
