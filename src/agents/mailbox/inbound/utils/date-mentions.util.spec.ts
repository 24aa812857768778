import { findDateMentions, isCalendarDate, slashDayMonth } from './date-mentions.util';

const dates = (text: string, order: 'day-first' | 'month-first' = 'day-first') =>
  findDateMentions(text, order).map(({ year, month, day }) => [year, month, day]);

describe('findDateMentions', () => {
  it.each([
    ['12 January 2027', [2027, 1, 12]],
    ['January 12, 2027', [2027, 1, 12]],
    ['Jan. 12th', [null, 1, 12]],
    ['12. Januar', [null, 1, 12]],
    ['12. März 2027', [2027, 3, 12]],
    ['1er janvier 2027', [2027, 1, 1]],
    ['12 août', [null, 8, 12]],
    ['12 de enero de 2027', [2027, 1, 12]],
    ['12.01.2027', [2027, 1, 12]],
    ['12.01.27', [2027, 1, 12]],
    ['12.01.', [null, 1, 12]],
    ['12/01/2027', [2027, 1, 12]],
    ['2027-01-12', [2027, 1, 12]],
  ])('reads %s', (text, expected) => {
    expect(dates(`on ${text} then`)).toEqual([expected]);
  });

  it('keeps text order and drops impossible dates', () => {
    expect(dates('from 3 May to 31 June, or 30.02.2027, back 7 July')).toEqual([
      [null, 5, 3],
      [null, 7, 7],
    ]);
  });

  it('does not read "2 days ago" as 2 August', () => {
    expect(dates('I wrote 2 days ago')).toEqual([]);
  });
});

describe('slashDayMonth', () => {
  it('lets an impossible month decide, else follows the order', () => {
    expect(slashDayMonth(25, 1, 'month-first')).toEqual({ day: 25, month: 1 });
    expect(slashDayMonth(1, 25, 'day-first')).toEqual({ day: 25, month: 1 });
    expect(slashDayMonth(3, 4, 'day-first')).toEqual({ day: 3, month: 4 });
    expect(slashDayMonth(3, 4, 'month-first')).toEqual({ day: 4, month: 3 });
  });
});

describe('isCalendarDate', () => {
  it('knows leap years', () => {
    expect(isCalendarDate(2028, 2, 29)).toBe(true);
    expect(isCalendarDate(2027, 2, 29)).toBe(false);
  });
});
