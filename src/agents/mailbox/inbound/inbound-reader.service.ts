import { Injectable } from '@nestjs/common';
import { ParsedMail, simpleParser } from 'mailparser';
import type { InboundMessage, RawInboundMessage } from './inbound-message.types';
import { isAutoReply } from './utils/auto-reply.util';
import { readableText } from './utils/body-text.util';
import { isDeliveryStatusNotification, readDeliveryReport } from './utils/delivery-report.util';
import {
  classifyInbound,
  hasReplyMarkers,
  hasReplySubject,
  isBulkMail,
  isMachineSender,
} from './utils/inbound-kind.util';
import { firstMessageId, parseMessageIds } from './utils/message-ids.util';
import {
  HeaderField,
  headerValue,
  headerValues,
  parseHeaderFields,
  splitHeaderBody,
} from './utils/mime-parts.util';
import { isOptOutRequest } from './utils/opt-out.util';
import { addressesIn, collectRecipients } from './utils/recipients.util';
import { extractNewText, MAX_TEXT_LENGTH } from './utils/reply-text.util';
import { findReturnDate } from './utils/return-date.util';

/** Mailparser's work the reader does not need: it converts HTML itself, and links are not read. */
const PARSE_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
} as const;

/** Reads inbound messages; the integrator provides it where the watcher hands messages over. */
@Injectable()
export class InboundReader {
  read(raw: RawInboundMessage): Promise<InboundMessage> {
    return readInbound(raw);
  }
}

/**
 * Reads and classifies one fetched message. Never throws: a message mailparser cannot read is
 * read from its raw headers, and one that cannot be read at all is `other`.
 */
export async function readInbound(raw: RawInboundMessage): Promise<InboundMessage> {
  const source = raw.source.toString('latin1');
  const header = parseHeaderFields(splitHeaderBody(source).header);
  const parsed = await simpleParser(raw.source, PARSE_OPTIONS).catch(() => null);
  try {
    return withoutNul(classifyMessage({ raw, source, header, parsed }));
  } catch {
    return withoutNul({
      ...basics({ raw, header, parsed }),
      text: '',
      kind: 'other',
      returnDate: null,
      delivery: null,
    });
  }
}

/**
 * The message with every NUL character taken out of its text: Postgres refuses them in text
 * columns, and a message that cannot be stored would be handed over again and again.
 */
export function withoutNul(message: InboundMessage): InboundMessage {
  const clean = <T>(value: T): T => {
    if (typeof value === 'string') return value.split('\u0000').join('') as T;
    if (Array.isArray(value)) return value.map(clean) as T;
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(
        Object.entries(value).map(([key, entry]) => [key, clean(entry)]),
      ) as T;
    }
    return value;
  };
  return clean(message);
}

interface ReadInput {
  raw: RawInboundMessage;
  source: string;
  header: HeaderField[];
  parsed: ParsedMail | null;
}

type Basics = Omit<InboundMessage, 'text' | 'kind' | 'returnDate' | 'delivery'>;

function basics({ raw, header, parsed }: Omit<ReadInput, 'source'>): Basics {
  const fromValue = parsed?.from?.value[0];
  const fromAddress = fromValue?.address || addressesIn(headerValue(header, 'from') ?? '')[0];
  const date = parsed?.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;
  return {
    messageId: firstMessageId(headerValue(header, 'message-id')),
    from: fromAddress
      ? { address: fromAddress.toLowerCase(), name: fromValue?.name || null }
      : null,
    recipients: collectRecipients(header),
    date,
    subject: parsed?.subject ?? headerValue(header, 'subject') ?? '',
    inReplyTo: firstMessageId(headerValue(header, 'in-reply-to')),
    references: parseMessageIds(headerValues(header, 'references').join(' ')),
    truncated: raw.truncated,
  };
}

function classifyMessage(input: ReadInput): InboundMessage {
  const { source, header, parsed } = input;
  const message = basics(input);
  const text = extractNewText(
    readableText({ text: parsed?.text, html: parsed?.html, source }).slice(0, MAX_TEXT_LENGTH * 4),
  );
  const isReport = isDeliveryStatusNotification(header);
  const delivery = isReport ? readDeliveryReport(source) : null;
  const replyMarkers = hasReplyMarkers(message);
  // A subject the person wrote ("Unsubscribe"), not ours echoed back after Re:.
  const ownSubject = hasReplySubject(message.subject) ? '' : message.subject;
  const kind = classifyInbound({
    isDeliveryReport: isReport,
    delivery,
    isAutoReply: isAutoReply({ header, subject: message.subject }),
    isOptOut: isOptOutRequest(text) || isOptOutRequest(ownSubject),
    hasReplyMarkers: replyMarkers,
    isBulk: isBulkMail(header),
    isMachineSender: isMachineSender(message.from?.address ?? null),
  });
  const returnDate =
    kind === 'auto_reply' ? findReturnDate({ text, messageDate: message.date }) : null;
  return { ...message, text, kind, returnDate, delivery };
}
