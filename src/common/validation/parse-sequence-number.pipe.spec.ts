import { ParseSequenceNumberPipe } from './parse-sequence-number.pipe';

describe('ParseSequenceNumberPipe', () => {
  const pipe = new ParseSequenceNumberPipe('seq');

  it('reads whole numbers from 1 to the largest 32-bit integer', () => {
    expect(pipe.transform('1')).toBe(1);
    expect(pipe.transform('007')).toBe(7);
    expect(pipe.transform('2147483647')).toBe(2147483647);
  });

  it.each(['0', '-1', '2147483648', '99999999999', 'two', '1.5', '1e3', ''])(
    'refuses %p naming the parameter',
    (value) => {
      expect(() => pipe.transform(value)).toThrow(
        'seq must be a whole number from 1 to 2147483647',
      );
    },
  );
});
