/**
 * A small, forgiving MIME reader for the parts mailparser does not hand over faithfully (the
 * machine-readable parts of a delivery report). Works on a latin1 string, so every byte maps to
 * one character and nothing is lost or re-encoded.
 */

/** One header field, its name lowercased and its folded lines joined. */
export interface HeaderField {
  name: string;
  value: string;
}

/** One leaf part of a message: its content type (lowercased, without parameters) and body. */
export interface MimePart {
  contentType: string;
  header: HeaderField[];
  /** The body with its transfer encoding (base64, quoted-printable) undone. */
  body: string;
}

/** Nested multiparts deeper than this are not walked (a malformed or hostile message). */
const MAX_DEPTH = 8;

/** Splits a message or part at its first empty line; a message with none is all header. */
export function splitHeaderBody(source: string): { header: string; body: string } {
  const headless = /^\r?\n/.exec(source);
  if (headless) return { header: '', body: source.slice(headless[0].length) };
  const match = /\r?\n\r?\n/.exec(source);
  if (!match) return { header: source, body: '' };
  return {
    header: source.slice(0, match.index),
    body: source.slice(match.index + match[0].length),
  };
}

/** Parses a header block into fields, unfolding continuation lines; lines without a colon are skipped. */
export function parseHeaderFields(header: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of header.split(/\r?\n/)) {
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({
      name: line.slice(0, colon).trim().toLowerCase(),
      value: line.slice(colon + 1).trim(),
    });
  }
  return fields;
}

/** The value of the first field with this (case-insensitive) name, or null. */
export function headerValue(fields: HeaderField[], name: string): string | null {
  const lower = name.toLowerCase();
  return fields.find((field) => field.name === lower)?.value ?? null;
}

/** Every value of the fields with this (case-insensitive) name, in order. */
export function headerValues(fields: HeaderField[], name: string): string[] {
  const lower = name.toLowerCase();
  return fields.filter((field) => field.name === lower).map((field) => field.value);
}

/** A header's main value, lowercased: `multipart/report` from `multipart/report; boundary=x`. */
export function mainValue(value: string | null): string {
  return (value ?? '').split(';')[0].trim().toLowerCase();
}

/** A parameter of a structured header value (`boundary`, `report-type`), unquoted, or null. */
export function headerParam(value: string | null, param: string): string | null {
  if (!value) return null;
  const pattern = new RegExp(`;\\s*${param}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i');
  const match = pattern.exec(value);
  return match ? (match[1] ?? match[2]) : null;
}

/** The bodies between a multipart's boundary lines; a missing closing boundary ends at the end. */
export function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  const lines = body.split(/\r?\n/);
  let current: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) break;
    if (trimmed === `--${boundary}`) {
      if (current) parts.push(current.join('\r\n'));
      current = [];
      continue;
    }
    current?.push(line);
  }
  if (current) parts.push(current.join('\r\n'));
  return parts;
}

/** Undoes base64 or quoted-printable; other encodings (7bit, 8bit, binary) pass through. */
export function decodeTransfer(body: string, encoding: string | null): string {
  const kind = mainValue(encoding);
  if (kind === 'base64')
    return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('latin1');
  if (kind !== 'quoted-printable') return body;
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The leaf parts of a message in order, multiparts walked (to MAX_DEPTH). A `message/rfc822`
 * part is a leaf: its body is the enclosed message, whose header a caller may read.
 */
export function leafParts(source: string, depth = 0): MimePart[] {
  const { header, body } = splitHeaderBody(source);
  const fields = parseHeaderFields(header);
  const contentTypeValue = headerValue(fields, 'content-type');
  const contentType = mainValue(contentTypeValue) || 'text/plain';
  const boundary = headerParam(contentTypeValue, 'boundary');
  if (contentType.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    return splitMultipart(body, boundary).flatMap((part) => leafParts(part, depth + 1));
  }
  const decoded = decodeTransfer(body, headerValue(fields, 'content-transfer-encoding'));
  return [{ contentType, header: fields, body: decoded }];
}
