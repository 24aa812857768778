import { csvEncodingProblem } from './csv-encoding.util';

describe('csvEncodingProblem', () => {
  it('accepts UTF-8, with or without a byte order mark', () => {
    expect(csvEncodingProblem(Buffer.from('Name,Email\nÅsa,a@example.com\n'))).toBeUndefined();
    expect(csvEncodingProblem(Buffer.from('\uFEFFName,Email\n'))).toBeUndefined();
    expect(csvEncodingProblem(Buffer.alloc(0))).toBeUndefined();
  });

  it('names UTF-16 in either byte order', () => {
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const text = Buffer.from('\uFEFFName,Email\n', 'utf16le');
      const head = encoding === 'utf16le' ? text : text.swap16();
      expect(csvEncodingProblem(head)).toMatch(/^The CSV is UTF-16 encoded; save it as UTF-8/);
    }
  });

  it('refuses NUL bytes without a byte order mark (UTF-16 without BOM, a binary file)', () => {
    expect(csvEncodingProblem(Buffer.from('Name,Email\n', 'utf16le'))).toMatch(/NUL bytes/);
    expect(csvEncodingProblem(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatch(/NUL/);
    expect(csvEncodingProblem(Buffer.from('Name,Email\n', 'utf16le').swap16())).toMatch(/NUL/);
  });

  it('leaves a NUL after the header line to the rows (a row error)', () => {
    expect(csvEncodingProblem(Buffer.from('Name,Email\nA\u0000,a@example.com\n'))).toBeUndefined();
  });
});
