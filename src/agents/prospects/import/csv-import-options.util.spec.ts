import { csvImportOptions } from './csv-import-options.util';

describe('csvImportOptions', () => {
  it('defaults the source to csv and tags a named import', () => {
    expect(csvImportOptions({ tags: ['webinar'], batch: 'nov' })).toEqual({
      ok: true,
      options: {
        source: 'csv',
        tags: ['webinar', 'import:nov'],
        collectIds: true,
        mapping: undefined,
      },
    });
  });

  it('answers the problem of a mapping it cannot use', () => {
    const result = csvImportOptions({ mapping: { Email: 'shoe_size' } });
    expect(result.ok).toBe(false);
  });
});
