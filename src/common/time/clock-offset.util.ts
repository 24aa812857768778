/**
 * The offset in a test clock file: an integer of milliseconds, optionally signed, surrounded by
 * optional white space. Anything else (also an empty file) is undefined.
 */
export function parseClockOffset(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) return undefined;
  const offset = Number(trimmed);
  return Number.isSafeInteger(offset) ? offset : undefined;
}
