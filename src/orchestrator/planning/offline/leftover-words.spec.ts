import { findLeftoverPhrases, IGNORED_WORDS, relativeClauseOf } from './leftover-words';
import { maskSpans } from './text-matching';

/** The phrases found in `text` once the given words (understood by readers) are masked. */
function leftoverOf(text: string, understood: string[]): string[] {
  const spans = understood.map((words) => {
    const start = text.indexOf(words);
    return { start, end: start + words.length };
  });
  return findLeftoverPhrases(maskSpans(text, spans)).map(({ start, end }) =>
    text.slice(start, end),
  );
}

describe('findLeftoverPhrases', () => {
  it('reports nothing when only fillers, actions, people and tones are left', () => {
    expect(
      leftoverOf(
        'Please find me all the leads in Berlin and draft short, friendly emails to them',
        ['Berlin'],
      ),
    ).toEqual([]);
    expect(
      leftoverOf('Find prospects, research their companies and export them to CSV', []),
    ).toEqual([]);
  });

  it('reports the words no reader used, from the first to the last meaningful word', () => {
    expect(
      leftoverOf('Find 30 CTOs in Berlin who joined this year', ['30', 'CTOs', 'Berlin']),
    ).toEqual(['joined this year']);
  });

  it('splits phrases at punctuation and at understood words', () => {
    expect(
      leftoverOf('Find 50 marketing managers in Spain, one per company', [
        '50',
        'marketing managers',
        'Spain',
      ]),
    ).toEqual(['one per']);
    expect(
      leftoverOf('find engineers at stripe in Germany who speak', ['engineers', 'Germany']),
    ).toEqual(['stripe', 'speak']);
  });

  it('reports each phrase as an unclear filter, positioned in the command', () => {
    expect(findLeftoverPhrases('Find   at stripe')).toEqual([
      {
        start: 10,
        end: 16,
        kind: 'filter',
        reason: 'The planner did not understand these words.',
        suggestion: null,
      },
    ]);
  });

  it('ignores no word that names a constraint', () => {
    for (const word of [
      'per',
      'joined',
      'year',
      'speak',
      'only',
      'if',
      'before',
      'not',
      'no',
      'one',
    ])
      expect(IGNORED_WORDS.has(word)).toBe(false);
  });
});

describe('relativeClauseOf', () => {
  const text = 'Find engineers in Germany who speak French, and export them';
  const clauseEnd = () => text.indexOf(',');
  const slice = (span?: { start: number; end: number }) => span && text.slice(span.start, span.end);

  it('widens a leftover phrase to the rest of its relative clause', () => {
    const start = text.indexOf('speak');
    expect(slice(relativeClauseOf(text, { start, end: start + 5 }, clauseEnd))).toBe(
      'speak French',
    );
  });

  it('leaves a phrase outside a relative clause alone', () => {
    expect(relativeClauseOf('Find engineers at stripe', { start: 18, end: 24 }, () => 24)).toBe(
      undefined,
    );
  });
});
