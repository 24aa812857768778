import { parseClockOffset } from './clock-offset.util';

describe('parseClockOffset', () => {
  it.each([
    ['0', 0],
    ['86400000', 86_400_000],
    ['  -3600000\n', -3_600_000],
    ['+5000', 5000],
  ])('reads %j as %d ms', (text, expected) => {
    expect(parseClockOffset(text)).toBe(expected);
  });

  it.each(['', '  ', '1.5', '1e6', '1d', '2026-03-29T10:00:00Z', '99999999999999999999'])(
    'refuses %j',
    (text) => {
      expect(parseClockOffset(text)).toBeUndefined();
    },
  );
});
