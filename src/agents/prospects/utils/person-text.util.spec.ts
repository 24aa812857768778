import { cleanPersonText, CleanPersonText, isFormula } from './person-text.util';

describe('cleanPersonText', () => {
  it.each<[string, CleanPersonText]>([
    // Plain text stays as it is.
    ['CEO', { text: 'CEO' }],
    ['  VP   of Sales ', { text: 'VP of Sales' }],
    ['Head of R&D - EMEA', { text: 'Head of R&D - EMEA' }],
    ['- VP Sales', { text: '- VP Sales' }],
    ['+49 30 1234', { text: '+49 30 1234' }],
    ['@anna', { text: '@anna' }],
    ['-5', { text: '-5' }],
    ['Sales <> Marketing', { text: 'Sales <> Marketing' }],
    ['Booking.com', { text: 'Booking.com' }],
    ['Ph.D/MBA', { text: 'Ph.D/MBA' }],
    ['', { text: undefined }],
    // Formulas: the text they show when it can be read safely, else nothing.
    ['=HYPERLINK("http://x","CEO")', { text: 'CEO', problem: 'formula' }],
    [
      '=hyperlink( "https://evil.example/?a=1" ; "Chief ""Data"" Officer" )',
      {
        text: 'Chief "Data" Officer',
        problem: 'formula',
      },
    ],
    ['@HYPERLINK("http://x","CTO")', { text: 'CTO', problem: 'formula' }],
    ['="CEO"', { text: 'CEO', problem: 'formula' }],
    ['=HYPERLINK("http://x")', { text: undefined, problem: 'formula' }],
    ['=HYPERLINK("http://x","http://y")', { text: undefined, problem: 'formula' }],
    ['=HYPERLINK("http://x","<b>CFO</b>")', { text: 'CFO', problem: 'formula' }],
    ['=1+1', { text: undefined, problem: 'formula' }],
    ['=CEO', { text: undefined, problem: 'formula' }],
    ['=CONCAT("C","EO")', { text: undefined, problem: 'formula' }],
    ['+1+1', { text: undefined, problem: 'formula' }],
    ['-A1*2', { text: undefined, problem: 'formula' }],
    ['@SUM(A1:A9)', { text: undefined, problem: 'formula' }],
    ["-2+3+cmd|' /C calc'!A0", { text: undefined, problem: 'formula' }],
    ['+Sheet1!A1', { text: undefined, problem: 'formula' }],
    // Markup: the text without the tags; script and style with their content.
    ['<b>CEO</b>', { text: 'CEO', problem: 'markup' }],
    ['<a href="http://x">Head of Sales</a>', { text: 'Head of Sales', problem: 'markup' }],
    ['CTO<script>alert(1)</script>', { text: 'CTO', problem: 'markup' }],
    ['<script>alert(1)</script>', { text: undefined, problem: 'markup' }],
    ['<img src=x onerror=alert(1)>', { text: undefined, problem: 'markup' }],
    ['<!-- x -->CEO', { text: 'CEO', problem: 'markup' }],
    ['{{first_name}}', { text: undefined, problem: 'markup' }],
    ['VP {company}', { text: 'VP', problem: 'markup' }],
    // Web addresses: taken out, the rest kept when there is one.
    ['https://acme.example/team/ceo', { text: undefined, problem: 'link' }],
    ['CEO (https://acme.example)', { text: 'CEO', problem: 'link' }],
    ['CEO - www.acme.example', { text: 'CEO', problem: 'link' }],
    ['javascript:alert(1)', { text: undefined, problem: 'link' }],
    ['ftp://files.example | Sales', { text: 'Sales', problem: 'link' }],
  ])('%j → %j', (value, expected) => {
    expect(cleanPersonText(value)).toEqual(expected);
  });

  it('answers the same on every call (no regular expression state kept)', () => {
    for (let i = 0; i < 3; i++) {
      expect(cleanPersonText('<b>CEO</b> www.x.example')).toEqual({
        text: 'CEO',
        problem: 'markup',
      });
    }
  });
});

describe('isFormula', () => {
  it.each([
    ['=A1', true],
    ['+SUM(1)', true],
    ['-1-1', true],
    ['@x(', true],
    ['-Sales (EMEA)', false],
    ['+ Marketing', false],
    ['Sales=Growth', false],
  ])('%j → %s', (text, expected) => {
    expect(isFormula(text)).toBe(expected);
  });
});
