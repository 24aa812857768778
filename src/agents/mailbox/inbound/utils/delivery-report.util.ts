import type { DeliveryReport } from '../inbound-message.types';
import { parseDeliveryStatus, worstRecipientReport } from './delivery-status.util';
import { firstMessageId } from './message-ids.util';
import {
  HeaderField,
  headerParam,
  headerValue,
  leafParts,
  mainValue,
  parseHeaderFields,
  splitHeaderBody,
} from './mime-parts.util';

/** The content types that return the original message, or its header, in a report. */
const RETURNED_TYPES = ['text/rfc822-headers', 'message/rfc822', 'message/rfc822-headers'];

/** Whether a message is an RFC 3464 delivery status notification, by its top-level content type. */
export function isDeliveryStatusNotification(header: HeaderField[]): boolean {
  const contentType = headerValue(header, 'content-type');
  return (
    mainValue(contentType) === 'multipart/report' &&
    (headerParam(contentType, 'report-type') ?? '').toLowerCase() === 'delivery-status'
  );
}

/**
 * The report of a delivery status notification, read from its `message/delivery-status` part
 * (never from the human wording). The original Message-ID comes from the returned headers, else
 * from the notification's own In-Reply-To (Exchange sets it). Null when there is no status part
 * or no recipient block with a status.
 */
export function readDeliveryReport(source: string): DeliveryReport | null {
  const parts = leafParts(source);
  const status = parts.find((part) => part.contentType === 'message/delivery-status');
  if (!status) return null;
  const returned = parts.find((part) => RETURNED_TYPES.includes(part.contentType));
  const returnedHeader = returned
    ? parseHeaderFields(splitHeaderBody(returned.body.trimStart()).header)
    : [];
  const ownHeader = parseHeaderFields(splitHeaderBody(source).header);
  const originalMessageId =
    firstMessageId(headerValue(returnedHeader, 'message-id')) ??
    firstMessageId(headerValue(ownHeader, 'in-reply-to'));
  return worstRecipientReport(parseDeliveryStatus(status.body), originalMessageId);
}
