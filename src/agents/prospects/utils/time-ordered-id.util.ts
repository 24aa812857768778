import { randomBytes } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562): the time in milliseconds first, then random bits. Ids made later
 * sort later, so a bulk import appends to the primary-key index instead of writing a random page
 * of it per row (with random v4 ids, every row of a batch dirties its own index page once the
 * index outgrows the cache: the import slowed as the table grew).
 */
export function timeOrderedId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
