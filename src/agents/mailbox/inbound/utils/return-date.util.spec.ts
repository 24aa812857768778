import { findReturnDate, resolveMention } from './return-date.util';

const sent = new Date('2026-12-20T09:00:00Z');
const returnOf = (text: string, messageDate: Date | null = sent) =>
  findReturnDate({ text, messageDate });

describe('findReturnDate', () => {
  it.each([
    ['I will be back on 12 January 2027.', '2027-01-12'],
    ['I am returning Monday, January 12.', '2027-01-12'],
    ['I am out of the office until 12/01/2027.', '2027-01-12'],
    ['Ich bin bis zum 12.01.2027 nicht im Büro.', '2027-01-12'],
    ['Ich bin ab dem 12. Januar wieder im Büro.', '2027-01-12'],
    ['Je serai de retour le 12 janvier.', '2027-01-12'],
    ['Je suis absent jusqu’au 1er janvier 2027.', '2027-01-01'],
    ['Estaré fuera de la oficina hasta el 12 de enero.', '2027-01-12'],
    ['Regresaré el 12 de enero de 2027.', '2027-01-12'],
    ['Back on 2027-01-12.', '2027-01-12'],
    ['Back on Jan 12th, 2027.', '2027-01-12'],
  ])('%s → %s', (text, expected) => {
    expect(returnOf(text)).toBe(expected);
  });

  it('prefers the day someone is back over the last day away', () => {
    expect(returnOf('I am away until 8 January and back in the office on 11 January.')).toBe(
      '2027-01-11',
    );
  });

  it('takes the end of a range when no word names the return', () => {
    expect(returnOf('Out of office from 22 December to 6 January.')).toBe('2027-01-06');
  });

  it('ignores a return date earlier than the message date', () => {
    expect(returnOf('I will be back on 12 January 2026.')).toBeNull();
  });

  it('puts a year-less date on its next occurrence after the message date', () => {
    expect(returnOf('Back on 22 December.')).toBe('2026-12-22');
    expect(returnOf('Back on 19 December.')).toBe('2027-12-19');
  });

  it('reads ambiguous slashed dates day first', () => {
    expect(returnOf('Je suis absent jusqu’au 03/04/2027.')).toBe('2027-04-03');
    expect(returnOf('I am out until 03/04/2027.')).toBe('2027-04-03');
  });

  it('reads them month first in English text that writes its dates month first', () => {
    expect(returnOf('I am out from December 22 until 03/04/2027.')).toBe('2027-03-04');
  });

  it('lets an impossible month decide the order', () => {
    expect(returnOf('Ich bin bis 01/25/2027 weg.')).toBe('2027-01-25');
  });

  it('returns null for a text without a date, or with only impossible ones', () => {
    expect(returnOf('I am out of the office with limited access to email.')).toBeNull();
    expect(returnOf('Back on 31 February 2027.')).toBeNull();
  });

  it('does not take times, phone numbers or status codes for dates', () => {
    expect(returnOf('Call me at 10:30 or on +49 30 1234567. Error 5.1.1 happened.')).toBeNull();
  });

  it('reads a German year-less date with its trailing dot', () => {
    expect(returnOf('Ich bin am 2.1. wieder da.')).toBe('2027-01-02');
  });

  it('cannot place a year-less date without a message date', () => {
    expect(returnOf('Back on 12 January.', null)).toBeNull();
    expect(returnOf('Back on 12 January 2027.', null)).toBe('2027-01-12');
  });
});

describe('resolveMention', () => {
  const mention = { index: 0, end: 0, monthNameFirst: false };

  it('keeps a date on the message day itself', () => {
    expect(resolveMention({ ...mention, year: null, month: 12, day: 20 }, sent)).toBe('2026-12-20');
  });

  it('does not guess a leap day in a later year', () => {
    expect(resolveMention({ ...mention, year: null, month: 2, day: 29 }, sent)).toBeNull();
  });
});
