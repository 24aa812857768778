import { aliasLookup, CSV_COLUMN_ALIASES, CsvField, headerKey } from './csv-column-aliases';
import { readCsvHeader } from './csv-header.util';

/** The header rows the tools write, and the field each known column fills. */
const mapped = (headers: string[]) => {
  const { fields, unknownColumns } = readCsvHeader(headers);
  return {
    fields: Object.fromEntries(
      headers.map((header, i) => [header, fields[i]]).filter(([, field]) => field),
    ),
    unknownColumns,
  };
};

describe('CSV column aliases', () => {
  it('never map one header to two fields across the families', () => {
    const seen = new Map<string, string>();
    for (const [family, fields] of Object.entries(CSV_COLUMN_ALIASES)) {
      for (const [field, aliases] of Object.entries(fields)) {
        for (const alias of aliases ?? []) {
          const key = headerKey(alias);
          const earlier = seen.get(key);
          if (earlier) expect(`${alias} → ${field}`).toBe(`${alias} → ${earlier.split(':')[1]}`);
          seen.set(key, `${family}:${field}`);
        }
      }
    }
    expect(aliasLookup().size).toBe(seen.size);
  });

  it('compare without case, spaces or punctuation', () => {
    expect(headerKey('# Employees')).toBe('employees');
    expect(headerKey('Country/Region')).toBe(headerKey('country region'));
    expect(headerKey('E-Mail')).toBe(headerKey('email'));
    expect(readCsvHeader(['FIRST_NAME', 'first-name', 'FirstName']).fields).toEqual([
      'firstName',
      'firstName',
      'firstName',
    ]);
  });

  it('map a LinkedIn Sales Navigator export', () => {
    const headers = [
      'First Name',
      'Last Name',
      'Title',
      'Account Name',
      'Company Website',
      'LinkedIn Profile URL',
      'Geography',
      'Industry',
      'Company Size',
      'Company Location',
      'Tenure in Role',
    ];
    expect(mapped(headers)).toEqual({
      fields: {
        'First Name': 'firstName',
        'Last Name': 'lastName',
        Title: 'title',
        'Account Name': 'companyName',
        'Company Website': 'website',
        'LinkedIn Profile URL': 'linkedinUrl',
        Geography: 'location',
        Industry: 'industry',
        'Company Size': 'employees',
        'Company Location': 'companyLocation',
      },
      unknownColumns: ['Tenure in Role'],
    });
    expect(readCsvHeader(['Profile URL', 'Job Title', 'Company', 'Location']).fields).toEqual([
      'linkedinUrl',
      'title',
      'companyName',
      'location',
    ]);
  });

  it('map an Apollo export', () => {
    const headers = [
      'First Name',
      'Last Name',
      'Title',
      'Company',
      'Email',
      'Seniority',
      'Departments',
      'Person Linkedin Url',
      'Website',
      'Company Linkedin Url',
      'Industry',
      '# Employees',
      'City',
      'State',
      'Country',
      'Company City',
      'Company Country',
      'Keywords',
      'Lists',
    ];
    const expected: Record<string, CsvField> = {
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Title: 'title',
      Company: 'companyName',
      Email: 'email',
      Seniority: 'seniority',
      Departments: 'department',
      'Person Linkedin Url': 'linkedinUrl',
      Website: 'website',
      Industry: 'industry',
      '# Employees': 'employees',
      City: 'city',
      Country: 'country',
      'Company City': 'companyCity',
      'Company Country': 'companyCountry',
      Keywords: 'tags',
      Lists: 'tags',
    };
    expect(mapped(headers)).toEqual({
      fields: expected,
      unknownColumns: ['Company Linkedin Url', 'State'],
    });
  });

  it('map a HubSpot export', () => {
    const headers = [
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Job Title',
      'Company Name',
      'Website URL',
      'Industry',
      'Number of Employees',
      'City',
      'Country/Region',
      'LinkedIn URL',
    ];
    expect(mapped(headers)).toEqual({
      fields: {
        'First Name': 'firstName',
        'Last Name': 'lastName',
        Email: 'email',
        'Job Title': 'title',
        'Company Name': 'companyName',
        'Website URL': 'website',
        Industry: 'industry',
        'Number of Employees': 'employees',
        City: 'city',
        'Country/Region': 'country',
        'LinkedIn URL': 'linkedinUrl',
      },
      unknownColumns: ['Record ID'],
    });
  });

  it('map plain names', () => {
    const headers = ['name', 'email', 'title', 'company', 'domain', 'website', 'country', 'city'];
    expect(
      readCsvHeader([...headers, 'employees', 'tags', 'seniority', 'department']).fields,
    ).toEqual([
      'name',
      'email',
      'title',
      'companyName',
      'domain',
      'website',
      'country',
      'city',
      'employees',
      'tags',
      'seniority',
      'department',
    ]);
  });
});
