import { findNulCharacter, nulCharacterMessage } from './nul-character.util';

describe('findNulCharacter', () => {
  it('finds nothing in values without one', () => {
    expect(findNulCharacter({ a: 'text', b: [1, 'two', null, { c: true }] })).toBeUndefined();
    expect(findNulCharacter('plain')).toBeUndefined();
    expect(findNulCharacter(42)).toBeUndefined();
    expect(findNulCharacter(null)).toBeUndefined();
    // The six characters of the escape are text like any other.
    expect(findNulCharacter({ a: '\\u0000' })).toBeUndefined();
  });

  it('names the property path of a string holding one, at any depth', () => {
    expect(findNulCharacter({ job_type: 'a\u0000b' })).toBe('job_type');
    expect(findNulCharacter({ context_data: { notes: ['ok', 'x\u0000'] } })).toBe(
      'context_data.notes[1]',
    );
    expect(findNulCharacter([{ name: '\u0000' }])).toBe('[0].name');
  });

  it('names a key holding one by its escape', () => {
    expect(findNulCharacter({ data: { 'a\u0000b': 1 } })).toBe('data.a\\u0000b');
  });

  it('puts the given root first, and names a lone string by it', () => {
    expect(findNulCharacter('x\u0000', 'job_id')).toBe('job_id');
    expect(findNulCharacter({ country: ['DE', '\u0000'] }, 'query')).toBe('query.country[1]');
    expect(findNulCharacter('x\u0000')).toBe('value');
  });

  it('walks deep documents without recursion', () => {
    let value: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) value = { k: value };
    expect(findNulCharacter(value)).toMatch(/^k(\.k)+$/);
  });
});

describe('nulCharacterMessage', () => {
  it('says which field and what', () => {
    expect(nulCharacterMessage('command')).toBe(
      'command must not contain a NUL character (\\u0000)',
    );
  });
});
