/** Where the quoted history of an HTML reply starts (Gmail, Outlook on the web, Outlook desktop). */
const QUOTE_CONTAINERS = [
  /<div[^>]*class=["']?gmail_quote/i,
  /<div[^>]*id=["']?(?:divRplyFwdMsg|appendonsend)/i,
  /<div[^>]*style=["'][^"']*border-top:\s*solid\s+#(?:E1E1E1|B5C4DF)/i,
];

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  hellip: '…',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

/** Decodes character references: named ones we know, and every numeric one. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const code =
      body[1].toLowerCase() === 'x' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** The HTML before the first quoted-history container, or all of it. */
export function cutQuotedHtml(html: string): string {
  const starts = QUOTE_CONTAINERS.map((pattern) => pattern.exec(html)?.index ?? -1).filter(
    (i) => i >= 0,
  );
  return starts.length > 0 ? html.slice(0, Math.min(...starts)) : html;
}

/**
 * Plain text of an HTML body: head, styles, scripts, comments and blockquotes (quoted history)
 * dropped, blocks and line breaks as new lines, tags stripped, entities decoded, whitespace
 * collapsed. For reading a reply, not for rendering it.
 */
export function htmlToText(html: string): string {
  const text = cutQuotedHtml(html)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<blockquote\b[\s\S]*?<\/blockquote\s*>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/?(?:p|div|tr|table|h[1-6]|ul|ol|hr|section|article|header|footer)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
