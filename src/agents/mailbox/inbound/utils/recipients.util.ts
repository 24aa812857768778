import { HeaderField, headerValues } from './mime-parts.util';

/** The headers that name where a message was delivered to. */
export const RECIPIENT_HEADERS = ['to', 'cc', 'delivered-to', 'x-original-to', 'envelope-to'];

/** The addresses in a header value, lowercased: display names, comments and groups ignored. */
export function addressesIn(value: string): string[] {
  const withoutQuoted = value.replace(/"(?:[^"\\]|\\.)*"/g, ' ').replace(/\([^()]*\)/g, ' ');
  return (withoutQuoted.match(/[^\s<>,;:"()[\]]+@[^\s<>,;:"()[\]]+\.[^\s<>,;:"()[\]]+/g) ?? []).map(
    (address) => address.toLowerCase(),
  );
}

/** Every address a message was delivered to, in header order, lowercased and deduplicated. */
export function collectRecipients(header: HeaderField[]): string[] {
  const all = RECIPIENT_HEADERS.flatMap((name) => headerValues(header, name)).flatMap(addressesIn);
  return [...new Set(all)];
}
