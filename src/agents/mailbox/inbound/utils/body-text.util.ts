import { htmlToText } from './html-text.util';
import { headerParam, headerValue, leafParts, MimePart, splitHeaderBody } from './mime-parts.util';

/** Lines of a broken multipart that are structure, not text: boundaries and part headers. */
const STRUCTURE_LINE = /^(?:--\S+|content-[a-z-]+:.*|mime-version:.*)$/i;

/** A part's body as text: UTF-8 when it says so, else its bytes as latin1 (nothing is lost). */
export function partText(part: MimePart): string {
  const charset = (
    headerParam(headerValue(part.header, 'content-type'), 'charset') ?? ''
  ).toLowerCase();
  const bytes = Buffer.from(part.body, 'latin1');
  return charset === 'utf-8' || charset === 'utf8' ? bytes.toString('utf8') : part.body;
}

/** The leaf parts of a body split at the boundary it actually uses (its first `--token` line). */
export function partsByUsedBoundary(body: string): MimePart[] {
  const used = /^--(\S+?)(?:--)?\s*$/m.exec(body)?.[1];
  if (!used) return [];
  return leafParts(`Content-Type: multipart/mixed; boundary="${used}"\r\n\r\n${body}`);
}

/**
 * What can be read of a message whose parser found no body (a broken MIME boundary): its
 * text/plain parts, else its HTML parts as text — split at the declared boundary, else at the one
 * the body uses — else the raw body without boundary and part-header lines.
 */
export function rawBodyText(source: string): string {
  const declared = leafParts(source).filter((part) => part.contentType.startsWith('text/'));
  const parts = declared.length > 0 ? declared : partsByUsedBoundary(splitHeaderBody(source).body);
  const plain = parts.filter((part) => part.contentType === 'text/plain');
  if (plain.length > 0) return plain.map((part) => partText(part).trim()).join('\n\n');
  const html = parts.filter((part) => part.contentType === 'text/html');
  if (html.length > 0) return html.map((part) => htmlToText(partText(part))).join('\n\n');
  return splitHeaderBody(source)
    .body.split(/\r?\n/)
    .filter((line) => !STRUCTURE_LINE.test(line.trim()))
    .join('\n')
    .trim();
}

/**
 * The readable text of a message: its text/plain body, else its HTML as text (quoted history
 * containers dropped), else what can be read of the raw source.
 */
export function readableText(input: {
  text?: string;
  html?: string | false;
  source: string;
}): string {
  if (input.text && input.text.trim() !== '') return input.text;
  if (input.html && input.html.trim() !== '') return htmlToText(input.html);
  return rawBodyText(input.source);
}
