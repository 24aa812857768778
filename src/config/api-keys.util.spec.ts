import { parseApiKeys } from './api-keys.util';

const KEY_A = 'alpha-key-0123456789';
const KEY_B = 'bravo-key-0123456789';

describe('parseApiKeys', () => {
  it('reads labelled and unlabelled keys; an unlabelled one is named by its position', () => {
    expect(parseApiKeys(` ops.alice:${KEY_A} , ${KEY_B} ,`)).toEqual({
      ok: true,
      keys: [
        { label: 'ops.alice', key: KEY_A },
        { label: 'key-2', key: KEY_B },
      ],
    });
  });

  it('is empty without a value', () => {
    expect(parseApiKeys(undefined)).toEqual({ ok: true, keys: [] });
    expect(parseApiKeys(' , ')).toEqual({ ok: true, keys: [] });
  });

  it('keeps the length rule for the key after its label', () => {
    expect(parseApiKeys('bob:short')).toEqual({
      ok: false,
      problems: ['entry 1: the key must be at least 16 characters without spaces'],
    });
  });

  it('refuses a bad label, naming the entry', () => {
    const parsed = parseApiKeys(`${KEY_A},bad label!:${KEY_B}`);
    expect(parsed).toEqual({
      ok: false,
      problems: ['entry 2: the label before ":" must be 1-40 characters of A-Za-z0-9_.-'],
    });
    expect(parseApiKeys(`${'x'.repeat(41)}:${KEY_A}`).ok).toBe(false);
  });

  it('refuses a label or a key used twice, without echoing the key', () => {
    const parsed = parseApiKeys(`ops:${KEY_A},ops:${KEY_B},other:${KEY_A},key-4:${'c'.repeat(16)}`);
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual([
      'entries 1 and 2 have the same label "ops"',
      'entries 1 and 3 have the same key',
    ]);
    expect(JSON.stringify(problems)).not.toContain(KEY_A);
  });

  it('refuses an explicit label that clashes with a derived one', () => {
    const parsed = parseApiKeys(`${KEY_A},key-1:${KEY_B}`);
    expect(parsed).toEqual({
      ok: false,
      problems: ['entries 1 and 2 have the same label "key-1"'],
    });
  });
});
