/** A prefix of a reply subject this module writes or recognises: `Re:` in any case, spaces around. */
const REPLY_PREFIX = /^\s*re\s*:\s*/i;

/**
 * The subject of a follow-up in the thread a first message started: `Re: <first subject>`, with
 * exactly one `Re: ` however many the first subject already had (`RE: re: Hi` gives `Re: Hi`).
 * Only `Re:` is recognised: the first subject is written by us (template or LLM), and localised
 * prefixes (`Aw:`, `Sv:`, `Fwd:`) would be kept as part of it.
 */
export function followUpSubject(firstSubject: string): string {
  let subject = firstSubject.trim();
  while (REPLY_PREFIX.test(subject)) subject = subject.replace(REPLY_PREFIX, '');
  return subject ? `Re: ${subject}` : 'Re:';
}

/** The threading headers of a reply (RFC 5322 §3.6.4), as a follow-up is queued with them. */
export interface ReplyHeaders {
  /** The Message-ID the reply answers: the newest of the thread. */
  inReplyTo: string;
  /** The thread's Message-IDs, oldest first, space-separated. */
  references: string;
}

/**
 * The headers of a reply to the newest of `earlierMessageIds` (the thread so far, oldest first):
 * `In-Reply-To` that one, `References` all of them, newest last — each of our touches answers the
 * previous one, so the chain is the whole thread. Undefined for a thread with nothing sent yet.
 */
export function replyHeaders(earlierMessageIds: readonly string[]): ReplyHeaders | undefined {
  const ids = earlierMessageIds.map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) return undefined;
  return { inReplyTo: ids[ids.length - 1], references: ids.join(' ') };
}
