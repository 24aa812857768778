import { csvField, csvRecords, guardFormula, looksLikeFormula, toCsv, UTF8_BOM } from './csv.util';

describe('guardFormula', () => {
  it.each(['=1+1', '+49 30 1234', '-2', '@SUM(A1)', '\t=cmd', '\r=cmd'])(
    'puts an apostrophe before %j',
    (value) => {
      expect(looksLikeFormula(value)).toBe(true);
      expect(guardFormula(value)).toBe(`'${value}`);
    },
  );

  it.each(['Ana', '', ' =1', "'quoted", 'a=b'])('leaves %j alone', (value) => {
    expect(guardFormula(value)).toBe(value);
  });
});

describe('csvField', () => {
  it('quotes fields with quotes, commas and line breaks, doubling quotes', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('Berlin, Germany')).toBe('"Berlin, Germany"');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes numbers as they are and empty cells as nothing', () => {
    expect(csvField(87)).toBe('87');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('guards a formula and still quotes it when needed', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    expect(
      toCsv(
        ['Name', 'Score'],
        [
          ['Ana', 90],
          ['Bo, Jr.', null],
        ],
      ),
    ).toBe(`${UTF8_BOM}Name,Score\r\nAna,90\r\n"Bo, Jr.",\r\n`);
  });
});

describe('csvRecords', () => {
  it('writes what toCsv writes after its BOM, so a file streamed in parts reads the same', () => {
    const rows = [
      ['Ana', 3],
      ['=cmd', null],
    ];
    const whole = toCsv(['Name', 'Score'], rows);
    const parts =
      UTF8_BOM + csvRecords([['Name', 'Score']]) + csvRecords([rows[0]]) + csvRecords([rows[1]]);
    expect(parts).toBe(whole);
    expect(csvRecords([])).toBe('');
  });
});
