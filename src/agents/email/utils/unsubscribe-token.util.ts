import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN_PATTERN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

function signature(messageId: string, key: string): Buffer {
  // The purpose is part of what is signed, so the key can never sign anything else by accident.
  return createHmac('sha256', key).update(`zigral-unsubscribe:v1:${messageId}`).digest();
}

/**
 * The unsubscribe token of an outbox message: its id and an HMAC-SHA256 of it under the signing
 * key (`{id}.{43 base64url characters}`). Unguessable without the key; URL-safe as is.
 */
export function signUnsubscribeToken(messageId: string, key: string): string {
  return `${messageId}.${signature(messageId, key).toString('base64url')}`;
}

/** The message id a token names, or undefined when it is malformed or its signature is wrong. */
export function verifyUnsubscribeToken(token: string, key: string): string | undefined {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return undefined;
  const [, messageId, presented] = match;
  // Compared as text: base64url decoding ignores the low bits of the last character, so only
  // the one canonical spelling of the signature is accepted.
  const expected = Buffer.from(signature(messageId, key).toString('base64url'));
  const given = Buffer.from(presented);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return messageId;
}
