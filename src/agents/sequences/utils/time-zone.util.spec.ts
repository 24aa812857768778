import { isKnownTimeZone } from './time-zone.util';

describe('isKnownTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Etc/GMT+5'])(
    'knows %s',
    (zone) => expect(isKnownTimeZone(zone)).toBe(true),
  );

  it.each(['Mars/Olympus_Mons', 'Europe/Atlantis', '', ' ', '+01:00', 'Berlin'])(
    'refuses %j',
    (zone) => expect(isKnownTimeZone(zone)).toBe(false),
  );
});
