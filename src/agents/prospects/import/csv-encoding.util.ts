/**
 * Why the start of an upload cannot be a UTF-8 CSV, or undefined when it can. Excel's "Unicode
 * Text" and some CRM exports are UTF-16: read as UTF-8, their header is noise between NUL bytes
 * and the file looked empty or headless. NUL bytes are looked for in the first line only (where
 * UTF-16 and binary files have them): a NUL in a later row is that row's error, however the
 * upload was cut into chunks.
 */
export function csvEncodingProblem(head: Buffer): string | undefined {
  const utf16Bom =
    head.length >= 2 &&
    ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  if (utf16Bom) {
    return 'The CSV is UTF-16 encoded; save it as UTF-8 (in Excel: "CSV UTF-8") and send it again';
  }
  const lineBreak = head.indexOf(0x0a);
  if (head.subarray(0, lineBreak < 0 ? head.length : lineBreak).includes(0)) {
    return (
      'The file has NUL bytes, so it is not a UTF-8 CSV (UTF-16 without a byte order mark, or a ' +
      'binary file such as .xlsx); save it as CSV UTF-8 and send it again'
    );
  }
  return undefined;
}
