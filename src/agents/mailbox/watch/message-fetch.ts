import type { ImapFlow } from 'imapflow';
import type { RawInboundMessage } from '../inbound/inbound-message.types';
import { firstPartOf, truncatedSource } from './truncated-source.util';

/** One message to fetch, from the UID listing. */
export interface MessageToFetch {
  mailbox: string;
  uidValidity: string;
  uid: number;
  /** RFC822.SIZE. */
  size: number;
}

/**
 * Fetches a message of the open folder by UID (BODY.PEEK: nothing is marked \Seen): all of it
 * when it is at most `maxBytes`, else its header and (at most `maxBytes` of) its first part,
 * `truncated`. Undefined when the message is gone (expunged meanwhile).
 */
export async function fetchRawMessage(
  client: ImapFlow,
  message: MessageToFetch,
  maxBytes: number,
): Promise<RawInboundMessage | undefined> {
  const base = { ...message, truncated: message.size > maxBytes };
  if (!base.truncated) {
    const fetched = await client.fetchOne(
      String(message.uid),
      { uid: true, source: true },
      { uid: true },
    );
    if (!fetched || !fetched.source) return undefined;
    return { ...base, source: fetched.source };
  }
  const described = await client.fetchOne(
    String(message.uid),
    { uid: true, bodyStructure: true },
    { uid: true },
  );
  if (!described) return undefined;
  const first = firstPartOf(described.bodyStructure);
  const parts = [
    { key: 'HEADER' },
    ...(first.boundary ? [{ key: `${first.part}.MIME` }] : []),
    { key: first.part, maxLength: maxBytes },
  ];
  const fetched = await client.fetchOne(
    String(message.uid),
    { uid: true, bodyParts: parts },
    { uid: true },
  );
  if (!fetched) return undefined;
  const bodyParts = fetched.bodyParts ?? new Map<string, Buffer>();
  const header = fetched.headers ?? bodyParts.get('header') ?? Buffer.alloc(0);
  const source = truncatedSource({
    header,
    first,
    partHeader: bodyParts.get(`${first.part}.mime`),
    content: bodyParts.get(first.part) ?? Buffer.alloc(0),
  });
  return { ...base, source };
}
