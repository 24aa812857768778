/** What company research reads out of a home page. */
export interface PageExtract {
  title?: string;
  description?: string;
  /** The main visible text, whitespace collapsed, at most `MAX_TEXT_LENGTH` characters. */
  text: string;
}

export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 500;
export const MAX_TEXT_LENGTH = 5000;

/** Elements whose content is never visible text or is page chrome rather than content. */
const HIDDEN_ELEMENTS = [
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'nav',
  'footer',
];

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
};

/**
 * Title, meta description (`name="description"`, else `og:description`) and main visible text of
 * an HTML page, without a parser: a small scanner that runs in linear time on any input, so a
 * hostile or broken page (unclosed tags, a megabyte of `<`) cannot stall it. The text is taken
 * from `<main>` when the page has one, else the whole page without its head, scripts, styles,
 * navigation and footer.
 */
export function extractPage(html: string): PageExtract {
  const withoutComments = removeComments(html);
  const title = cap(clean(innerText(withoutComments, 'title') ?? ''), MAX_TITLE_LENGTH);
  const description = cap(clean(metaDescription(withoutComments) ?? ''), MAX_DESCRIPTION_LENGTH);
  const main = innerText(withoutComments, 'main') ?? withoutComments;
  const text = cap(clean(stripTags(removeElements(main, HIDDEN_ELEMENTS))), MAX_TEXT_LENGTH);
  return { title: title || undefined, description: description || undefined, text: text ?? '' };
}

/** The first one or two sentences of a text, within `maxLength` characters. */
export function firstSentences(text: string, maxLength = 300): string {
  const sentences = (text.match(/[^.!?]+(?:[.!?]+|$)/g) ?? []).map((sentence) => sentence.trim());
  let result = sentences[0] ?? '';
  if (sentences.length > 1 && result.length + sentences[1].length < maxLength) {
    result = `${result} ${sentences[1]}`;
  }
  return cap(result, maxLength) ?? '';
}

function removeComments(html: string): string {
  let result = '';
  let position = 0;
  for (;;) {
    const start = html.indexOf('<!--', position);
    if (start < 0) return result + html.slice(position);
    result += html.slice(position, start);
    const end = html.indexOf('-->', start + 4);
    if (end < 0) return result;
    position = end + 3;
  }
}

/** The raw content of the first `<tag>` element, or undefined when there is none. */
function innerText(html: string, tag: string): string | undefined {
  const open = new RegExp(`<${tag}\\b[^<>]*>`, 'i').exec(html);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const close = new RegExp(`</${tag}\\s*>`, 'ig');
  close.lastIndex = start;
  const end = close.exec(html);
  return html.slice(start, end ? end.index : html.length);
}

/** Drops each element of the given kinds with its content; an unclosed one runs to the end. */
function removeElements(html: string, tags: string[]): string {
  const open = new RegExp(`<(${tags.join('|')})\\b[^<>]*>`, 'ig');
  let result = '';
  let position = 0;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    result += `${html.slice(position, match.index)} `;
    const close = new RegExp(`</${match[1]}\\s*>`, 'ig');
    close.lastIndex = match.index + match[0].length;
    const end = close.exec(html);
    if (!end) return result;
    position = end.index + end[0].length;
    open.lastIndex = position;
  }
  return result + html.slice(position);
}

function metaDescription(html: string): string | undefined {
  const found: Record<string, string> = {};
  for (const tag of html.match(/<meta\b[^<>]*>/gi) ?? []) {
    const attributes = parseAttributes(tag);
    const key = (attributes.name ?? attributes.property ?? '').toLowerCase();
    if (attributes.content !== undefined && !(key in found)) found[key] = attributes.content;
  }
  return [found.description, found['og:description'], found['twitter:description']].find(
    (value) => value !== undefined && value.trim().length > 0,
  );
}

function parseAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  // Anchored on the whitespace before each name, so a long run of name characters is scanned once.
  const pattern = /\s([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+))/g;
  for (const match of tag.matchAll(pattern)) {
    attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

/** Replaces every tag with a space; a `<` that opens no tag ("a < b") stays as text. */
function stripTags(html: string): string {
  return html.replace(/<[a-z/!?][^<>]*>/gi, ' ');
}

/** Entities decoded; runs of white space and control characters (a NUL, which Postgres cannot store) one space. */
function clean(text: string): string {
  return decodeEntities(text)
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function cap(text: string, maxLength: number): string | undefined {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut}…`;
}
