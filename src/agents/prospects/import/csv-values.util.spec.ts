import {
  cellValue,
  companyDomainFromEmail,
  nameFromEmail,
  parseDepartment,
  parseEmployeeCount,
  parseLocation,
  parseSeniority,
  splitTags,
} from './csv-values.util';

describe('CSV cell values', () => {
  it('treats blanks and placeholders as no value', () => {
    expect(['', '  ', '-', '—', 'N/A', '#N/A', 'null'].map(cellValue)).toEqual(
      Array(7).fill(undefined),
    );
    expect(cellValue(' Anna ')).toBe('Anna');
  });

  it.each([
    ['120', 120],
    ['0', 0],
    ['1,200', 1200],
    ['1.200', 1200],
    ['10 000', 10000],
    ['350 employees', 350],
    ['51-200', 51],
    ['51 - 200 employees', 51],
    ['1,001-5,000', 1001],
    ['10,001+', 10001],
  ])('reads the employee count %s as %d', (text, count) => {
    expect(parseEmployeeCount(text)).toBe(count);
  });

  it.each(['-5', '12.5', 'lots', '1,20', '', '99999999999999999999', '10,000,001', '5000000000'])(
    'refuses the employee count %s',
    (text) => {
      expect(parseEmployeeCount(text)).toBeUndefined();
    },
  );

  it('splits a location into city and country', () => {
    expect(parseLocation('Munich, Bavaria, Germany')).toEqual({
      city: 'Munich',
      country: 'Germany',
    });
    expect(parseLocation('Berlin, Germany')).toEqual({ city: 'Berlin', country: 'Germany' });
    expect(parseLocation('Germany')).toEqual({ country: 'Germany' });
    expect(parseLocation(' , ')).toEqual({});
  });

  it('maps the seniority words of the exports, and leaves others to the title', () => {
    expect(
      ['c_suite', 'C-Suite', 'VP', 'owner', 'Head', 'intern', 'Senior'].map(parseSeniority),
    ).toEqual(['c_level', 'c_level', 'vp', 'founder', 'director', 'entry', 'senior']);
    expect(parseSeniority('guru')).toBeUndefined();
  });

  it('reads department cells', () => {
    expect(parseDepartment('master_sales, master_marketing')).toBe('Sales');
    expect(parseDepartment('master_information_technology')).toBe('Information Technology');
    expect(parseDepartment('HR')).toBe('HR');
    expect(parseDepartment('customer success')).toBe('Customer Success');
    expect(parseDepartment(' , ')).toBeUndefined();
  });

  it('splits tags on commas and semicolons', () => {
    expect(splitTags('saas, b2b;; crm ')).toEqual(['saas', 'b2b', 'crm']);
  });

  it('takes the company domain from work emails only', () => {
    expect(companyDomainFromEmail('anna@Nordlicht.example')).toBe('nordlicht.example');
    expect(companyDomainFromEmail('anna@gmail.com')).toBeUndefined();
    expect(companyDomainFromEmail('anna@gmx.de')).toBeUndefined();
  });

  it('names a prospect known only by email', () => {
    expect(nameFromEmail('anna.beispiel@x.example')).toBe('Anna Beispiel');
    expect(nameFromEmail('jörg_müller@x.example')).toBe('Jörg Müller');
    expect(nameFromEmail('info@x.example')).toBe('info@x.example');
    expect(nameFromEmail('a.b2@x.example')).toBe('a.b2@x.example');
  });
});
