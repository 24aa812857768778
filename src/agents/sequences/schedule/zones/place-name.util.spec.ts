import { normalisePlaceName } from './place-name.util';

describe('normalisePlaceName', () => {
  it.each([
    ['São Paulo', 'sao paulo'],
    ['  New   York ', 'new york'],
    ['St. Petersburg', 'st petersburg'],
    ['Saint-Petersburg', 'saint petersburg'],
    ['MÉXICO', 'mexico'],
    ['Türkiye', 'turkiye'],
    ['U.S.A.', 'u s a'],
    ['Malmö', 'malmo'],
    ['Москва', 'москва'],
  ])('%j → %j', (name, expected) => {
    expect(normalisePlaceName(name)).toBe(expected);
  });
});
