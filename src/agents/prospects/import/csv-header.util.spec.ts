import { csvHeaderProblem, readCsvHeader } from './csv-header.util';

describe('readCsvHeader', () => {
  it('names each field by its first column, and lists unknown columns as written', () => {
    const header = readCsvHeader([' Email ', 'E-mail', 'Notes', '', 'Name']);
    expect(header.fields).toEqual(['email', 'email', undefined, undefined, 'name']);
    expect(header.columnOf).toEqual({ email: 'Email', name: 'Name' });
    expect(header.unknownColumns).toEqual(['Notes']);
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
