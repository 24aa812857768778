import { checkCsvRowValues } from './csv-row-checks.util';

describe('checkCsvRowValues', () => {
  it('answers the values as they are when nothing is wrong', () => {
    const values = {
      name: 'Anna Beispiel',
      email: 'anna@x.example',
      title: 'VP Sales',
      employees: '51-200',
      linkedinUrl: 'de.linkedin.com/in/anna',
      website: 'http://localhost:8080/',
    };
    expect(checkCsvRowValues(values)).toEqual({ values, problems: [] });
  });

  it.each([
    ['email', 'anna@', 'not an email address: "anna@"'],
    [
      'employees',
      'lots',
      'not an employee count (a whole number of at least 0, or a range such as 51-200): "lots"',
    ],
    [
      'employees',
      '-5',
      'not an employee count (a whole number of at least 0, or a range such as 51-200): "-5"',
    ],
    ['linkedinUrl', 'https://example.com/anna', 'not a LinkedIn URL: "https://example.com/anna"'],
    ['linkedinUrl', 'see linkedin.com/in/anna', 'not a LinkedIn URL: "see linkedin.com/in/anna"'],
    ['website', 'not a site', 'not a web address: "not a site"'],
    ['domain', 'tbd', 'not a domain: "tbd"'],
    ['title', '=1+1', 'looked like a spreadsheet formula: "=1+1"'],
    [
      'city',
      '<script>alert(1)</script>',
      'held markup (HTML or template tags): "<script>alert(1)</script>"',
    ],
    ['industry', 'https://acme.example', 'held a web address: "https://acme.example"'],
    ['department', 'd'.repeat(65), `longer than 64 characters: "${'d'.repeat(57)}..."`],
  ] as const)('leaves out %s %j: %s', (field, value, reason) => {
    expect(checkCsvRowValues({ name: 'Anna', [field]: value })).toEqual({
      values: { name: 'Anna' },
      problems: [{ field, reason }],
    });
  });

  it('stores the clean text of a formula, markup or link, saying so', () => {
    expect(
      checkCsvRowValues({
        title: '=HYPERLINK("http://x","CEO")',
        companyName: '<b>Acme</b>',
        country: 'Germany (www.de.example)',
      }),
    ).toEqual({
      values: { title: 'CEO', companyName: 'Acme', country: 'Germany' },
      problems: [
        { field: 'title', reason: 'looked like a spreadsheet formula', stored: 'CEO' },
        { field: 'companyName', reason: 'held markup (HTML or template tags)', stored: 'Acme' },
        { field: 'country', reason: 'held a web address', stored: 'Germany' },
      ],
    });
  });

  it('holds the clean text to the column length', () => {
    const title = `=HYPERLINK("http://x","${'t'.repeat(256)}")`;
    expect(checkCsvRowValues({ title }).problems).toEqual([
      { field: 'title', reason: `longer than 255 characters: "${'t'.repeat(57)}..."` },
    ]);
  });
});
