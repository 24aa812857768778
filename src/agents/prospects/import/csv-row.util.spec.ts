import { readCsvHeader } from './columns/csv-header.util';
import { prospectFromCsvRow, readCsvRow } from './csv-row.util';

const defaults = { source: 'csv', tags: ['fair'] };

function row(cells: Record<string, string>) {
  const headers = Object.keys(cells);
  const header = readCsvHeader(headers);
  return { header, values: readCsvRow(Object.values(cells), header) };
}

describe('readCsvRow', () => {
  it('takes the first non-empty cell of a field and every tag column', () => {
    const header = readCsvHeader(['Email', 'Secondary Email', 'Keywords', 'Lists', 'Notes']);
    expect(readCsvRow(['', 'b@x.example', 'saas', 'Q4 list', 'x'], header)).toEqual({
      email: 'b@x.example',
      tags: 'saas,Q4 list',
    });
  });

  it('reads a mapped column before a guessed one of the same field', () => {
    const header = readCsvHeader(['Email', 'Private'], { Private: 'email' });
    expect(readCsvRow(['work@x.example', 'me@y.example'], header)).toEqual({
      email: 'me@y.example',
    });
    expect(readCsvRow(['work@x.example', ''], header)).toEqual({ email: 'work@x.example' });
  });

  it('reads short records (missing trailing cells) as empty', () => {
    const header = readCsvHeader(['Name', 'Email', 'Title']);
    expect(readCsvRow(['Anna'], header)).toEqual({ name: 'Anna' });
  });
});

describe('prospectFromCsvRow', () => {
  it('builds the prospect and its company', () => {
    const { header, values } = row({
      'First Name': 'Anna',
      'Last Name': 'Beispiel',
      Email: 'Anna@Nordlicht.example',
      Seniority: 'c_suite',
      Departments: 'master_sales',
      Company: 'Nordlicht GmbH',
      '# Employees': '1,200',
      Location: 'Berlin, Germany',
      Tags: 'saas',
    });
    expect(prospectFromCsvRow(values, header, defaults)).toEqual({
      warnings: [],
      input: {
        name: 'Anna Beispiel',
        firstName: 'Anna',
        lastName: 'Beispiel',
        email: 'anna@nordlicht.example',
        title: undefined,
        seniority: 'c_level',
        department: 'Sales',
        city: 'Berlin',
        country: 'Germany',
        linkedinUrl: undefined,
        source: 'csv',
        tags: ['fair', 'saas'],
        company: {
          name: 'Nordlicht GmbH',
          domain: 'nordlicht.example',
          websiteUrl: undefined,
          industry: undefined,
          employeeCount: 1200,
          city: undefined,
          country: undefined,
        },
      },
    });
  });

  it('names the company by its domain when no company column is given', () => {
    const { header, values } = row({ Name: 'Ben', Website: 'https://www.muster.example/about' });
    const result = prospectFromCsvRow(values, header, defaults);
    expect('input' in result && result.input.company).toMatchObject({
      name: 'muster.example',
      domain: 'muster.example',
      websiteUrl: 'https://www.muster.example/about',
    });
  });

  it.each([
    ['http://localhost:8080/', 'localhost'],
    ['http://127.0.0.1:8080/', '127.0.0.1'],
    ['http://intranet/about', 'intranet'],
    ['http://[::1]:8080/', '[::1]'],
  ])('takes the website %s as it is, whatever its host', (website, domain) => {
    const { header, values } = row({ Name: 'Ben', Website: website });
    const result = prospectFromCsvRow(values, header, defaults);
    expect(result).toMatchObject({ warnings: [] });
    expect('input' in result && result.input.company).toMatchObject({
      name: domain,
      domain,
      websiteUrl: website,
    });
  });

  it('takes a URL in the domain column as the website too', () => {
    const { header, values } = row({ Name: 'Ben', Domain: 'http://localhost:8080' });
    const result = prospectFromCsvRow(values, header, defaults);
    expect('input' in result && result.input.company).toMatchObject({
      domain: 'localhost',
      websiteUrl: 'http://localhost:8080',
    });
  });

  it('has no company for a free-mail address alone', () => {
    const { header, values } = row({ Email: 'carl.dorf@gmail.com' });
    const result = prospectFromCsvRow(values, header, defaults);
    expect('input' in result && result.input).toMatchObject({
      name: 'Carl Dorf',
      company: undefined,
    });
  });

  it('keeps the person, with a warning naming the column, for each bad optional value', () => {
    const { header, values } = row({
      Name: 'Anna Beispiel',
      'E-Mail': 'anna@@x',
      '# Employees': 'lots',
      LinkedIn: 'https://twitter.com/anna',
      Website: 'not a site',
      Department: 'x'.repeat(65),
      Title: '=HYPERLINK("http://x","CEO")',
      Company: '<b>Acme</b>',
    });
    const result = prospectFromCsvRow(values, header, defaults);
    expect(result).toEqual({
      input: expect.objectContaining({
        name: 'Anna Beispiel',
        email: undefined,
        title: 'CEO',
        department: undefined,
        linkedinUrl: undefined,
        company: expect.objectContaining({ name: 'Acme', employeeCount: undefined }),
      }),
      warnings: [
        {
          field: 'E-Mail',
          message: 'not an email address: "anna@@x"; the person was kept without an email',
          severity: 'warning',
        },
        {
          field: 'Title',
          message: 'looked like a spreadsheet formula; stored the text "CEO"',
          severity: 'warning',
        },
        {
          field: 'Department',
          message: `longer than 64 characters: "${'x'.repeat(57)}..."; not stored`,
          severity: 'warning',
        },
        {
          field: 'Company',
          message: 'held markup (HTML or template tags); stored the text "Acme"',
          severity: 'warning',
        },
        {
          field: 'Website',
          message: 'not a web address: "not a site"; not stored',
          severity: 'warning',
        },
        {
          field: 'LinkedIn',
          message: 'not a LinkedIn URL: "https://twitter.com/anna"; not stored',
          severity: 'warning',
        },
        {
          field: '# Employees',
          message:
            'not an employee count (a whole number of at least 0, or a range such as 51-200): "lots"; not stored',
          severity: 'warning',
        },
      ],
    });
  });

  it('leaves out tags that are too long or too many, with a warning', () => {
    const many = Array.from({ length: 50 }, (_, i) => `t${i}`).join(';');
    const { header, values } = row({ Name: 'Ben', Tags: `${'y'.repeat(101)};${many}` });
    const result = prospectFromCsvRow(values, header, defaults);
    expect('input' in result && result.input.tags).toHaveLength(50);
    expect('warnings' in result && result.warnings.map((warning) => warning.message)).toEqual([
      `tag longer than 100 characters: "${'y'.repeat(57)}..."; not stored`,
      'more than 50 tags; the first 50 stored',
    ]);
  });

  it.each([
    [
      'an invalid email and no name',
      { Name: '', Email: 'nope' },
      [{ field: 'Email', message: 'not an email address: "nope"', severity: 'error' }],
    ],
    [
      'neither a name nor an email',
      { Name: '', Email: '', Title: 'CEO' },
      [
        {
          field: 'Name',
          message: 'a name (or first and last name) or an email is required',
          severity: 'error',
        },
      ],
    ],
    [
      'a NUL character in any stored cell, naming each such column',
      { Name: 'Anna', Title: 'C\u0000O', Tags: 'a\u0000' },
      [
        { field: 'Title', message: 'holds a NUL character (\\u0000)', severity: 'error' },
        { field: 'Tags', message: 'holds a NUL character (\\u0000)', severity: 'error' },
      ],
    ],
    [
      'a name that is only a formula, and no email',
      { Name: '=1+1', Email: '' },
      [{ field: 'Name', message: 'looked like a spreadsheet formula: "=1+1"', severity: 'error' }],
    ],
  ])('skips a row with %s, saying why', (_label, cells, errors) => {
    const { header, values } = row(cells);
    expect(prospectFromCsvRow(values, header, defaults)).toEqual({ errors });
  });

  it('keeps a row whose name is too long by its email', () => {
    const { header, values } = row({ Name: 'n'.repeat(256), Email: 'anna.beispiel@x.example' });
    const result = prospectFromCsvRow(values, header, defaults);
    expect('input' in result && result.input.name).toBe('Anna Beispiel');
    expect('warnings' in result && result.warnings[0].message).toMatch(
      /^longer than 255 characters: "n+\.\.\."; not stored$/,
    );
  });
});
