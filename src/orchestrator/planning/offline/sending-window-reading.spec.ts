import { readSendingWindow } from './sending-window-reading';

function read(text: string) {
  const reading = readSendingWindow(text);
  if (!reading.ok) throw new Error(reading.reason);
  return {
    window: reading.window,
    said: reading.evidence.map(({ param, value, start, end }) => [
      param.replace('settings.window.', ''),
      value,
      text.slice(start, end),
    ]),
  };
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

describe('readSendingWindow', () => {
  it('reads working hours as the default window, said aloud', () => {
    expect(read('email them during working hours')).toEqual({
      window: { days: WEEKDAYS, start: '09:00', end: '17:00' },
      said: [
        ['start', '09:00', 'during working hours'],
        ['end', '17:00', 'during working hours'],
      ],
    });
    expect(read('only in their local business hours').window).toMatchObject({ start: '09:00' });
  });

  it.each([
    ['between 9 and 5', '09:00', '17:00'],
    ['between 9 and 12', '09:00', '12:00'],
    ['between 9am and 5:30pm their time', '09:00', '17:30'],
    ['from 8.30 a.m. to 4 p.m.', '08:30', '16:00'],
    ['between 8:30 and 18:00', '08:30', '18:00'],
    ['between 14 and 18', '14:00', '18:00'],
    ['between 10am and noon', '10:00', '12:00'],
  ])('reads %j as %s–%s', (text, start, end) => {
    expect(read(text).window).toEqual({ days: WEEKDAYS, start, end });
  });

  it('reads days of the week: weekdays, or a range', () => {
    expect(read('on weekdays').window?.days).toEqual(WEEKDAYS);
    expect(read('Tuesday to Thursday from 10am to 4pm')).toEqual({
      window: { days: ['tue', 'wed', 'thu'], start: '10:00', end: '16:00' },
      said: [
        ['start', '10:00', 'from 10am to 4pm'],
        ['end', '16:00', 'from 10am to 4pm'],
        ['days', 'tue', 'Tuesday to Thursday'],
        ['days', 'wed', 'Tuesday to Thursday'],
        ['days', 'thu', 'Tuesday to Thursday'],
      ],
    });
  });

  it.each([
    'between 1 and 5',
    'between 10 and 20',
    'scored between 60 and 80',
    'scored between 9 and 11',
    'from 50 to 200 employees',
    'on weekends',
    'in the morning',
  ])('leaves %j to the other readers (ambiguous, or not a window)', (text) => {
    expect(read(text)).toEqual({ window: undefined, said: [] });
  });

  it.each([
    ['between 5pm and 9am', 'ends later than it starts'],
    ['Friday to Monday', 'from Monday to Sunday'],
  ])('refuses %j: %s', (text, why) => {
    const reading = readSendingWindow(text);
    expect(reading.ok ? 'read' : reading.reason).toContain(why);
  });
});
