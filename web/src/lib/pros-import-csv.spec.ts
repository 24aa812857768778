import {
  cutAtLastLine,
  detectDelimiter,
  formatBytes,
  percent,
  readHeader,
} from './pros-import-csv';

describe('pros-import-csv', () => {
  it('reads a header row with quotes, a BOM and other delimiters', () => {
    expect(readHeader('\uFEFFFirst Name,Last Name,"Email, work"\nAnna,B,a@x')).toEqual([
      'First Name',
      'Last Name',
      'Email, work',
    ]);
    expect(readHeader('name;email;"say ""hi"""\r\nx;y;z')).toEqual(['name', 'email', 'say "hi"']);
    expect(readHeader('name\temail')).toEqual(['name', 'email']);
    expect(readHeader('')).toEqual([]);
  });

  it('detects the delimiter outside quotes', () => {
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb')).toBe('\t');
  });

  it('cuts a partial file at its last complete line', () => {
    expect(cutAtLastLine('a,b\n1,2\n3,', false)).toBe('a,b\n1,2\n');
    expect(cutAtLastLine('a,b\n1,2', true)).toBe('a,b\n1,2');
    expect(cutAtLastLine('a,b', false)).toBe('a,b');
  });

  it('formats progress and sizes', () => {
    expect(percent(50, 200)).toBe(25);
    expect(percent(5, 0)).toBe(0);
    expect(percent(300, 200)).toBe(100);
    expect(formatBytes(12)).toBe('12 bytes');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
