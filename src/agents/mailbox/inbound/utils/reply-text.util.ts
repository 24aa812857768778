/** The longest new text kept; the rest of a long message is not needed to classify or show it. */
export const MAX_TEXT_LENGTH = 10_000;

/** "… wrote:", "… a écrit :", "… escribió:"; German and Scandinavian name the sender after the verb. */
const ATTRIBUTION_END = /(?:(?:wrote|a [ée]crit|escribi[óo])\s*:?|(?:schrieb|skrev)\s.*:)\s*$/i;
const ATTRIBUTION_START = /^(?:On|Am|Le|El|Den)\s/i;
const SEPARATOR =
  /^(?:-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|forwarded message|weitergeleitete nachricht)\s*-{2,}|_{10,})$/i;
const HEADER_FROM = /^\*?(?:From|Von|De)\s*:\*?\s*\S/i;
const HEADER_SENT = /^\*?(?:Sent|Gesendet|Envoy[ée]|Enviado(?: el)?|Date|Datum|Fecha)\s*:/i;
const HEADER_ONE_LINE = /^\*?(?:From|Von|De)\s*:.*\b(?:Sent|Gesendet|Envoy[ée]|Enviado)\s*:/i;
const SIGNATURE = /^--\s*$/;

/**
 * Whether an attribution starts at line i: "On … wrote:" (and its German, French, Spanish and
 * Scandinavian forms) wrapped over up to 3 lines, or any single line ending "wrote:" over a `>` block.
 */
function isAttribution(lines: string[], i: number): boolean {
  const startsLikeOne = ATTRIBUTION_START.test(lines[i].trim());
  for (let span = 1; span <= 3 && i + span <= lines.length; span++) {
    const joined = lines
      .slice(i, i + span)
      .join(' ')
      .trim();
    if (!ATTRIBUTION_END.test(joined)) continue;
    if (startsLikeOne) return true;
    if (span > 1) return false;
    const next = lines.slice(i + 1).find((line) => line.trim() !== '');
    return next?.trimStart().startsWith('>') ?? false;
  }
  return false;
}

/** Whether an Outlook-style quoted header block (From: … Sent: …) starts at line i. */
function isQuotedHeaderBlock(lines: string[], i: number): boolean {
  const line = lines[i].trim();
  if (HEADER_ONE_LINE.test(line)) return true;
  if (!HEADER_FROM.test(line)) return false;
  return lines.slice(i + 1, i + 6).some((next) => HEADER_SENT.test(next.trim()));
}

/** Whether the quoted history (or the signature) starts at line i: everything from it on is dropped. */
export function startsQuotedHistory(lines: string[], i: number): boolean {
  const line = lines[i].trim();
  return (
    SEPARATOR.test(line) ||
    SIGNATURE.test(lines[i]) ||
    isAttribution(lines, i) ||
    isQuotedHeaderBlock(lines, i)
  );
}

/**
 * The new text of a message: quoted lines (`>`) dropped, and everything from an attribution
 * ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", "El … escribió:"), an Outlook separator or
 * header block (From: … Sent: …), or a `-- ` signature line on. At most MAX_TEXT_LENGTH characters.
 */
export function extractNewText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (startsQuotedHistory(lines, i)) break;
    if (lines[i].trimStart().startsWith('>')) continue;
    kept.push(lines[i].trimEnd());
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, MAX_TEXT_LENGTH);
}
