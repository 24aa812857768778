import { minutesOfDay } from './clock-time.util';

describe('minutesOfDay', () => {
  it.each([
    ['00:00', 0],
    ['09:00', 540],
    ['17:30', 1050],
    ['23:59', 1439],
  ])('reads %s as %i', (time, minutes) => expect(minutesOfDay(time)).toBe(minutes));

  it.each(['24:00', '9:00', '09:60', '09:00:00', '0900', 'nine', '', ' 09:00'])(
    'refuses %j',
    (time) => expect(minutesOfDay(time)).toBeUndefined(),
  );
});
