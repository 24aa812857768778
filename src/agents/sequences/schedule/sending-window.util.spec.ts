import {
  isoWeekday,
  SendingWindow,
  validateSendingWindow,
  windowMinutes,
  windowTimeMinutes,
} from './sending-window.util';

const valid: SendingWindow = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '17:00',
};

describe('validateSendingWindow', () => {
  it('accepts office hours, a single day, and a window up to midnight', () => {
    expect(validateSendingWindow(valid)).toEqual([]);
    expect(validateSendingWindow({ days: ['sun'], start: '00:00', end: '24:00' })).toEqual([]);
    expect(validateSendingWindow({ days: ['sat'], start: '23:58', end: '23:59' })).toEqual([]);
  });

  it('names a window without days', () => {
    expect(validateSendingWindow({ ...valid, days: [] })).toEqual([
      { field: 'days', message: 'must list at least one of mon, tue, wed, thu, fri, sat, sun' },
    ]);
  });

  it('names unknown and repeated days by their position', () => {
    const days = ['mon', 'monday', 'fri', 'mon'] as unknown as SendingWindow['days'];
    expect(validateSendingWindow({ ...valid, days })).toEqual([
      {
        field: 'days[1]',
        message: 'must be one of mon, tue, wed, thu, fri, sat, sun, got "monday"',
      },
      { field: 'days[3]', message: '"mon" is listed twice' },
    ]);
  });

  it.each(['9:00', '24:00', '12:60', '0900', ' 09:00', ''])('names a start of %j', (start) => {
    expect(validateSendingWindow({ ...valid, start })).toEqual([
      {
        field: 'start',
        message: `must be HH:MM from 00:00 to 23:59, got ${JSON.stringify(start)}`,
      },
    ]);
  });

  it.each(['17', '24:01', '25:00', '17:00:00'])('names an end of %j', (end) => {
    expect(validateSendingWindow({ ...valid, end })).toEqual([
      { field: 'end', message: `must be HH:MM from 00:00 to 24:00, got ${JSON.stringify(end)}` },
    ]);
  });

  it('names an end not after the start', () => {
    const problem = {
      field: 'end',
      message: 'must be after start (17:00); a window does not span midnight',
    };
    expect(validateSendingWindow({ ...valid, start: '17:00', end: '09:00' })).toEqual([problem]);
    expect(validateSendingWindow({ ...valid, start: '17:00', end: '17:00' })).toEqual([problem]);
  });

  it('lists every problem of any input without throwing', () => {
    const fields = (window: unknown) =>
      validateSendingWindow(window as SendingWindow).map((problem) => problem.field);
    expect(fields({ days: 'mon', start: 9, end: null })).toEqual(['days', 'start', 'end']);
    expect(fields({})).toEqual(['days', 'start', 'end']);
    expect(fields(undefined)).toEqual(['days', 'start', 'end']);
  });
});

describe('windowTimeMinutes', () => {
  it.each([
    ['00:00', 'start', 0],
    ['09:00', 'start', 540],
    ['23:59', 'start', 1439],
    ['17:30', 'end', 1050],
    ['24:00', 'end', 1440],
  ] as const)('reads %s as a %s at minute %i', (time, edge, minutes) => {
    expect(windowTimeMinutes(time, edge)).toBe(minutes);
  });

  it.each([
    ['24:00', 'start'],
    ['24:01', 'end'],
    ['9:00', 'end'],
    ['09:60', 'start'],
    ['09:00:00', 'start'],
    [' 09:00', 'end'],
    [9, 'start'],
  ] as const)('refuses %j as a %s', (time, edge) => {
    expect(windowTimeMinutes(time, edge)).toBeUndefined();
  });
});

describe('windowMinutes', () => {
  it('gives the hours in minutes after midnight', () => {
    expect(windowMinutes(valid)).toEqual({ start: 540, end: 1020 });
    expect(windowMinutes({ days: ['mon'], start: '18:30', end: '24:00' })).toEqual({
      start: 1110,
      end: 1440,
    });
  });

  it('throws one line listing every problem', () => {
    expect(() => windowMinutes({ days: [], start: 'x', end: '09:00' })).toThrow(
      'Invalid sending window: days must list at least one of mon, tue, wed, thu, fri, sat, sun; start must be HH:MM from 00:00 to 23:59, got "x"',
    );
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekday('mon')).toBe(1);
    expect(isoWeekday('sun')).toBe(7);
  });
});
