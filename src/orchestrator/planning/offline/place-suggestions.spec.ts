import { editDistance, findUnknownPlaces, suggestPlace } from './place-suggestions';

describe('place suggestions', () => {
  it.each<[string, string, number]>([
    ['germny', 'germany', 1],
    ['frnace', 'france', 1],
    ['berln', 'berlin', 1],
    ['paris', 'pairs', 1],
    ['spain', 'spin', 1],
    ['spain', 'japan', 3],
  ])('measures %j → %j as %d edits', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it.each<[string, string | null]>([
    ['Germny', 'Germany?'],
    ['Frnace', 'France?'],
    ['Berln', 'Berlin?'],
    ['Muenchen', 'Munich?'],
    ['Lyon', null],
  ])('suggests for %j: %j', (word, suggestion) => {
    expect(suggestPlace(word)).toBe(suggestion);
  });

  it('finds capitalised and misspelt places after a preposition, not other words', () => {
    const found = findUnknownPlaces(
      'CTOs in Lyon, founders based in germny, people in pairs, working in home',
    );
    expect(found.map(({ kind, suggestion }) => [kind, suggestion])).toEqual([
      ['place', null],
      ['place', 'Germany?'],
    ]);
  });
});
