import {
  MAX_LOCAL_PART_LENGTH,
  splitPlainAddress,
} from '../../../common/validation/plain-address.util';

/**
 * VERP (variable envelope return path): each message's SMTP envelope sender carries the outbox
 * id as a plus tag, `bounces+<id>@acme.example`, so a bounce names the message it answers even
 * when the report itself does not say (or says it in a form nobody parses). The receiving server
 * writes the envelope sender into `Return-Path`, where bounces go.
 */

/** A tag safe in a dot-atom local part: letters, digits and inner hyphens (a UUID fits). */
const TAG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/i;

/** How outgoing messages set their envelope sender (from BOUNCE_ADDRESS and BOUNCE_VERP). */
export interface ReturnPathSettings {
  bounceAddress?: string;
  verp: boolean;
}

/**
 * `local+<outboxId>@domain` for `local@domain`. Throws when the bounce address is not a plain
 * address, the id is not a safe tag, or the result would exceed a local part's 64 octets (the
 * configuration check refuses a BOUNCE_ADDRESS that long, so this is a bug, not bad input).
 */
export function verpAddressFor(bounceAddress: string, outboxId: string): string {
  const parts = splitPlainAddress(bounceAddress);
  if (!parts) throw new Error('The bounce address is not a plain address');
  if (!TAG.test(outboxId)) throw new Error(`Not a safe VERP tag: ${JSON.stringify(outboxId)}`);
  const local = `${parts.local}+${outboxId}`;
  if (local.length > MAX_LOCAL_PART_LENGTH) {
    throw new Error(`The VERP local part would exceed ${MAX_LOCAL_PART_LENGTH} characters`);
  }
  return `${local}@${parts.domain}`;
}

/**
 * The tag of a VERP address made from `bounceAddress`, or null when `address` is not one: the
 * domain is compared case-insensitively, the local part before the tag exactly, and the tag must
 * be a safe tag. Angle brackets around the address are allowed (`<bounces+id@acme.example>`).
 */
export function parseVerpTag(address: string, bounceAddress: string): string | null {
  const base = splitPlainAddress(bounceAddress);
  const bare = address.trim().replace(/^<(.*)>$/, '$1');
  const parts = splitPlainAddress(bare);
  if (!base || !parts) return null;
  if (parts.domain.toLowerCase() !== base.domain.toLowerCase()) return null;
  const prefix = `${base.local}+`;
  if (!parts.local.startsWith(prefix)) return null;
  const tag = parts.local.slice(prefix.length);
  return TAG.test(tag) ? tag : null;
}

/**
 * The envelope sender of one outbox message: the VERP address, the plain bounce address (VERP
 * off), or undefined (no BOUNCE_ADDRESS: the transport uses the From address, as before).
 */
export function envelopeSenderFor(
  settings: ReturnPathSettings,
  outboxId: string,
): string | undefined {
  if (!settings.bounceAddress) return undefined;
  return settings.verp ? verpAddressFor(settings.bounceAddress, outboxId) : settings.bounceAddress;
}
