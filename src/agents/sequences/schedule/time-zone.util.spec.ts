import { assertTimeZone, isValidTimeZone } from './time-zone.util';

describe('isValidTimeZone', () => {
  it.each([
    'Europe/Berlin',
    'America/New_York',
    'Asia/Kolkata',
    'America/Argentina/Buenos_Aires',
    'UTC',
    'Etc/GMT+5',
  ])('knows %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each([
    '',
    'Europe/Atlantis',
    'Berlin',
    '+02:00',
    'UTC+2',
    'Europe/Berlin ',
    '../etc',
    42,
    null,
  ])('refuses %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('assertTimeZone', () => {
  it('names an unknown zone', () => {
    expect(() => assertTimeZone('Europe/Atlantis')).toThrow('Unknown time zone: "Europe/Atlantis"');
    expect(() => assertTimeZone('Europe/Paris')).not.toThrow();
  });
});
