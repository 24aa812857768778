/** Numbers people write as words, as the offline planner reads them ("a", "three", "twenty"). */
export const WORD_NUMBERS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** The words of WORD_NUMBERS as a regular-expression alternation. */
export const WORD_NUMBER_PATTERN = Object.keys(WORD_NUMBERS).join('|');
