import {
  commandContains,
  isNegated,
  normaliseText,
  wordsOverlap,
} from './interpretation-text.util';

describe('interpretation text', () => {
  it('normalises case, typographic quotes, dashes, spacing and surrounding punctuation', () => {
    expect(normaliseText('  “Acme’s   Corp” — x. ')).toBe(`acme's corp" - x`);
  });

  it.each([
    ['Find VPs of Sales in Germany', 'vps  of SALES', true],
    ['Find VPs of Sales in Germany', 'VPs of Sale', false],
    ['Find CTOs at “Acme Corp”', '"Acme Corp"', true],
    ['Find CTOs', '', false],
  ])('finds whole words of the command: %s / %s', (command, words, found) => {
    expect(commandContains({ command, words })).toBe(found);
  });

  it.each([
    ['Find CFOs not in Germany', 'Germany', true],
    ['Find CFOs not in Germany', 'not in Germany', true],
    ['Find CFOs outside the US', 'US', true],
    ['Find CTOs, except Acme', 'except Acme', true],
    ['Find CTOs who haven’t been emailed', 'haven’t been emailed', true],
    ['Find CTOs except at Acme, in Germany', 'Germany', false],
    ['Find CTOs with no more than 50 employees', 'no more than 50 employees', false],
    ['Find CTOs outside sales in Germany', 'Germany', false],
    ['Find CTOs in Germany excl. SAP', 'excl. SAP', true],
    ['Find CTOs in Germany w/o Siemens', 'w/o Siemens', true],
    ['Find CTOs in Germany w/o Siemens', 'Siemens', true],
    ['Find CFOs anywhere but Germany', 'anywhere but Germany', true],
  ])('tells negated phrases: %s / %s', (command, words, negated) => {
    expect(isNegated({ command, words })).toBe(negated);
  });

  it('overlaps on meaningful words only', () => {
    expect(wordsOverlap('not in Germany', 'Germany')).toBe(true);
    expect(wordsOverlap('not in Germany', 'not contacted in the last 3 months')).toBe(false);
    expect(wordsOverlap('VPs of Sales', 'vps')).toBe(true);
  });
});
