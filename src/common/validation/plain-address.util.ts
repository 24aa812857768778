/** RFC 5321 §4.5.3.1.1: a local part of at most 64 octets. */
export const MAX_LOCAL_PART_LENGTH = 64;

/** A plain address with a dot-atom local part: no display name, no quotes, no comments. */
const PLAIN_ADDRESS =
  /^([a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)$/i;

/** The local part and domain of a plain address such as `bounces@acme.example`, or null. */
export function splitPlainAddress(address: string): { local: string; domain: string } | null {
  const match = PLAIN_ADDRESS.exec(address.trim());
  return match ? { local: match[1], domain: match[2] } : null;
}
