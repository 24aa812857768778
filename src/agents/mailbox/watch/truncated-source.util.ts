import type { MessageStructureObject } from 'imapflow';

/** The body part a truncated message keeps: its number, and the boundary to frame it with. */
export interface FirstPart {
  /** IMAP part number, e.g. `1` or `1.1`. */
  part: string;
  /**
   * The top-level multipart boundary, when the message is multipart: the part is then framed
   * with it (and keeps its own MIME headers); undefined for a single-part message.
   */
  boundary?: string;
}

/**
 * The first leaf part of a message (depth first: the text a multipart/alternative or mixed
 * message starts with), from its BODYSTRUCTURE.
 */
export function firstPartOf(structure: MessageStructureObject | undefined): FirstPart {
  const children = structure?.childNodes;
  if (!structure || !children || children.length === 0) return { part: '1' };
  let node = children[0];
  while (node.childNodes && node.childNodes.length > 0) node = node.childNodes[0];
  return { part: node.part ?? '1', boundary: structure.parameters?.boundary };
}

/**
 * A message cut down to its header and its first part, still parseable: a single-part message is
 * its header and (the start of) its body; a multipart one keeps its top header and boundary with
 * the one part inside, its MIME header included, and a closing boundary.
 */
export function truncatedSource(input: {
  header: Buffer;
  first: FirstPart;
  /** The part's own MIME header (`n.MIME`), for a multipart message. */
  partHeader?: Buffer;
  /** The part's content (possibly only its start). */
  content: Buffer;
}): Buffer {
  const header = endsWithBlankLine(input.header)
    ? input.header
    : Buffer.concat([input.header, Buffer.from('\r\n')]);
  if (!input.first.boundary) return Buffer.concat([header, input.content]);
  const boundary = input.first.boundary;
  return Buffer.concat([
    header,
    Buffer.from(`--${boundary}\r\n`),
    input.partHeader ?? Buffer.from('\r\n'),
    input.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

function endsWithBlankLine(header: Buffer): boolean {
  const tail = header.subarray(-4).toString('latin1');
  return tail.endsWith('\r\n\r\n') || tail.endsWith('\n\n');
}
