import {
  MAPPING_FIELD_NAMES,
  MAX_MAPPING_COLUMNS,
  publicMapping,
  readCsvMapping,
  readCsvMappingText,
} from './csv-column-mapping.util';

const FIELD_LIST = `the fields: ${MAPPING_FIELD_NAMES.join(', ')}`;

describe('readCsvMapping', () => {
  it('reads column → field name, null ignoring a column; field names compare like headers', () => {
    expect(
      readCsvMapping({
        'Company Industry': 'industry',
        URL: 'linkedin_url',
        Given: 'First Name',
        Family: 'lastName',
        Notes: null,
      }),
    ).toEqual({
      mapping: {
        'Company Industry': 'industry',
        URL: 'linkedinUrl',
        Given: 'firstName',
        Family: 'lastName',
        Notes: null,
      },
    });
    expect(readCsvMapping({})).toEqual({ mapping: {} });
  });

  it('offers every field under its snake_case name', () => {
    expect(MAPPING_FIELD_NAMES).toEqual([
      'name',
      'first_name',
      'last_name',
      'email',
      'title',
      'seniority',
      'department',
      'company_name',
      'domain',
      'website',
      'linkedin_url',
      'industry',
      'employees',
      'city',
      'country',
      'location',
      'company_location',
      'company_city',
      'company_country',
      'tags',
    ]);
  });

  it.each([[null], [[]], ['{"a":"email"}'], [42], [undefined]])(
    'refuses %p: not an object, with an example and the fields',
    (value) => {
      expect(readCsvMapping(value)).toEqual({
        problem: `mapping must be a JSON object of CSV column → field name, or null to ignore the column (e.g. {"Company Industry": "industry", "Notes": null}); ${FIELD_LIST}`,
      });
    },
  );

  it('names every target that is no field, and lists the fields', () => {
    expect(readCsvMapping({ Industri: 'industri', Phone: 42, Email: 'email' })).toEqual({
      problem: `mapping is not valid: "Industri" → "industri" is not a field; "Phone" → 42 is not a field; ${FIELD_LIST}`,
    });
  });

  it('says that null ignores a column to someone who wrote "ignore"', () => {
    const result = readCsvMapping({ Notes: 'ignore' });
    expect('problem' in result && result.problem).toMatch(
      /^mapping is not valid: "Notes" → "ignore" is not a field \(null ignores a column\); the fields: /,
    );
  });

  it('refuses a blank column name, and two spellings of one column with different fields', () => {
    expect(readCsvMapping({ ' - ': 'email' })).toEqual({
      problem: `mapping is not valid: " - " is not a column name; ${FIELD_LIST}`,
    });
    expect(readCsvMapping({ 'E-Mail': 'email', email: null })).toEqual({
      problem: `mapping is not valid: "E-Mail" and "email" name the same column; ${FIELD_LIST}`,
    });
    expect(readCsvMapping({ 'E-Mail': 'email', email: 'Email' })).toEqual({
      mapping: { 'E-Mail': 'email', email: 'email' },
    });
  });

  it('takes at most MAX_MAPPING_COLUMNS columns', () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_MAPPING_COLUMNS + 1 }, (_, i) => [`Column ${i}`, null]),
    );
    expect(readCsvMapping(many)).toEqual({
      problem: `mapping names ${MAX_MAPPING_COLUMNS + 1} columns; at most ${MAX_MAPPING_COLUMNS}`,
    });
  });

  it('keeps a column named "__proto__" as a column', () => {
    const result = readCsvMappingText('{"__proto__": "email"}');
    expect('mapping' in result && Object.entries(result.mapping)).toEqual([['__proto__', 'email']]);
  });
});

describe('readCsvMappingText', () => {
  it('reads JSON text, and refuses text that is not JSON as not an object', () => {
    expect(readCsvMappingText('{"Company Industry": "industry"}')).toEqual({
      mapping: { 'Company Industry': 'industry' },
    });
    expect(readCsvMappingText('Company Industry=industry')).toMatchObject({
      problem: expect.stringMatching(/^mapping must be a JSON object/),
    });
  });
});

describe('publicMapping', () => {
  it('answers the fields by their API names', () => {
    expect(publicMapping({ URL: 'linkedinUrl', 'Company Size': 'employees', Notes: null })).toEqual(
      { URL: 'linkedin_url', 'Company Size': 'employees', Notes: null },
    );
  });
});
