import { csvHeaderProblem, readCsvHeader } from './csv-header.util';

describe('readCsvHeader', () => {
  it('names each field by its first column, and lists unknown columns as written', () => {
    const header = readCsvHeader([' Email ', 'E-mail', 'Notes', '', 'Name']);
    expect(header.fields).toEqual(['email', 'email', undefined, undefined, 'name']);
    expect(header.columnOf).toEqual({ email: 'Email', name: 'Name' });
    expect(header.unknownColumns).toEqual(['Notes']);
    expect(header.unmappedColumns).toEqual(['Notes']);
    expect(header.mapping).toEqual({
      Email: 'email',
      'E-mail': 'email',
      Notes: null,
      Name: 'name',
    });
    expect(header.order).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('readCsvHeader with an explicit mapping', () => {
  const headers = ['Name', 'URL', 'Email', 'Personal Email', 'Notes', 'Company Phone', ''];

  it('overrides the guess for the columns it names, compared like headers, and reports it', () => {
    const header = readCsvHeader(headers, {
      url: 'linkedinUrl',
      'PERSONAL-EMAIL': 'email',
      Notes: null,
      Name: null,
      'Full Name': 'name',
    });
    expect(header.fields).toEqual([
      undefined,
      'linkedinUrl',
      'email',
      'email',
      undefined,
      undefined,
      undefined,
    ]);
    expect(header.mapping).toEqual({
      Name: null,
      URL: 'linkedinUrl',
      Email: 'email',
      'Personal Email': 'email',
      Notes: null,
      'Company Phone': null,
    });
    // Ignored and unknown columns are unmapped; only the ones the mapping does not name are unknown.
    expect(header.unmappedColumns).toEqual(['Name', 'Notes', 'Company Phone']);
    expect(header.unknownColumns).toEqual(['Company Phone']);
    expect(header.missingMappedColumns).toEqual(['Full Name']);
  });

  it('reads mapped columns before guessed ones, so a mapped column wins its field', () => {
    const header = readCsvHeader(headers, { 'Personal Email': 'email' });
    expect(header.order).toEqual([3, 0, 1, 2, 4, 5, 6]);
    expect(header.columnOf.email).toBe('Personal Email');
  });

  it('names the columns the file does not have, and lists the file`s', () => {
    const header = readCsvHeader(headers, { Industri: 'industry', 'Full Name': 'name' });
    expect(csvHeaderProblem(header, headers)).toBe(
      'mapping names columns the file does not have: "Industri", "Full Name"; the file\'s columns: "Name", "URL", "Email", "Personal Email", "Notes", "Company Phone"',
    );
    const one = readCsvHeader(['Name'], { Industri: 'industry' });
    expect(csvHeaderProblem(one, ['Name'])).toMatch(
      /^mapping names a column the file does not have: "Industri";/,
    );
  });

  it('can make a header importable that the guess cannot read', () => {
    const odd = ['Kontakt', 'Firma'];
    expect(csvHeaderProblem(readCsvHeader(odd), odd)).toMatch(/none of its columns is known/);
    expect(csvHeaderProblem(readCsvHeader(odd, { Kontakt: 'name' }), odd)).toBeUndefined();
  });
});

describe('csvHeaderProblem', () => {
  const problem = (headers: string[]) => csvHeaderProblem(readCsvHeader(headers), headers);

  it('accepts a header with a person column', () => {
    expect(problem(['Email'])).toBeUndefined();
    expect(problem(['First Name', 'Company'])).toBeUndefined();
  });

  it('refuses a first row that is data, quoting it', () => {
    expect(problem(['Anna Beispiel', 'anna@x.example'])).toMatch(
      /must be a header.*"Anna Beispiel", "anna@x.example"/,
    );
  });

  it('refuses a header without a name or an email', () => {
    expect(problem(['Company', 'Website'])).toMatch(/no column for the person/);
  });
});
