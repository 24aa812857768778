import { sortImportRows } from './suppression-import.util';

describe('sortImportRows', () => {
  it('keeps each valid value once, normalised, and says why the others are left out', () => {
    const sorted = sortImportRows([
      ' Ana@Acme.Example ',
      'beta.example',
      'not an address',
      'ana@acme.example',
      '',
    ]);
    expect(sorted.valid).toEqual([
      { row: 1, value: 'ana@acme.example', kind: 'email' },
      { row: 2, value: 'beta.example', kind: 'domain' },
    ]);
    expect(sorted.skipped).toEqual([
      {
        row: 3,
        value: 'not an address',
        outcome: 'invalid',
        reason: expect.stringContaining('is neither an email address nor a domain'),
      },
      { row: 4, value: 'ana@acme.example', outcome: 'already_present', reason: 'repeats row 1' },
      { row: 5, value: '', outcome: 'invalid', reason: expect.any(String) },
    ]);
  });
});
