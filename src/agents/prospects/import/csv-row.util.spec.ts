import { readCsvHeader } from './columns/csv-header.util';
import { csvRowErrors, prospectFromCsvRow, readCsvRow } from './csv-row.util';

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

describe('csvRowErrors', () => {
  it('accepts a row with a name or an email', () => {
    expect(csvRowErrors(row({ Name: 'Anna' }).values, row({ Name: 'Anna' }).header)).toEqual([]);
    const email = row({ Email: 'a@x.example' });
    expect(csvRowErrors(email.values, email.header)).toEqual([]);
  });

  it('names the column of each problem as the header writes it', () => {
    // An email, even a bad one, stands for the missing name.
    const { header, values } = row({
      'First Name': '',
      'E-Mail': 'anna@@x',
      '# Employees': '-3',
      LinkedIn: 'https://twitter.com/anna',
      Website: 'not a site',
      Title: 'x'.repeat(256),
    });
    expect(csvRowErrors(values, header)).toEqual([
      { field: 'Title', message: 'longer than 255 characters' },
      { field: 'E-Mail', message: 'not an email address: "anna@@x"' },
      {
        field: '# Employees',
        message:
          'not an employee count (a whole number of at least 0, or a range such as 51-200): "-3"',
      },
      { field: 'LinkedIn', message: 'not a LinkedIn URL: "https://twitter.com/anna"' },
      { field: 'Website', message: 'not a web address: "not a site"' },
    ]);
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
    expect(csvRowErrors(values, header)).toEqual([]);
    const result = prospectFromCsvRow(values, header, defaults);
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

  it('answers the errors instead of a prospect for a bad row', () => {
    const { header, values } = row({ Name: 'Anna', Email: 'nope' });
    expect(prospectFromCsvRow(values, header, defaults)).toEqual({
      errors: [{ field: 'Email', message: 'not an email address: "nope"' }],
    });
  });
});
