import { mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLOCK_FILE_CHECK_MS, OffsetFileClock } from './offset-file.clock';

const SYSTEM_MS = Date.parse('2026-03-27T12:00:00.000Z');
const DAY_MS = 86_400_000;

describe('OffsetFileClock', () => {
  let dir: string;
  let file: string;
  let systemMs: number;
  let writes = 0;
  const systemNow = () => systemMs;

  /** Writes the file with a modification time of its own, so every write is a change. */
  const write = (text: string) => {
    writeFileSync(file, text);
    const seconds = 1_700_000_000 + ++writes;
    utimesSync(file, seconds, seconds);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zigral-clock-'));
    file = join(dir, 'clock-offset');
    systemMs = SYSTEM_MS;
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the system time when the file is missing', () => {
    const clock = new OffsetFileClock({ file, systemNow });
    expect(clock.now().toISOString()).toBe('2026-03-27T12:00:00.000Z');
  });

  it('adds the offset of the file, and takes a new one once the check interval has passed', () => {
    write(String(DAY_MS));
    const clock = new OffsetFileClock({ file, systemNow });
    expect(clock.now().toISOString()).toBe('2026-03-28T12:00:00.000Z');

    write(String(3 * DAY_MS));
    systemMs += CLOCK_FILE_CHECK_MS - 1;
    expect(clock.now().getTime()).toBe(systemMs + DAY_MS);
    systemMs += 1;
    expect(clock.now().getTime()).toBe(systemMs + 3 * DAY_MS);
  });

  it('keeps the last offset while the file holds none, and follows a file renamed into place', () => {
    write('-3600000');
    const clock = new OffsetFileClock({ file, systemNow });
    expect(clock.now().getTime()).toBe(SYSTEM_MS - 3_600_000);

    write('');
    systemMs += CLOCK_FILE_CHECK_MS;
    expect(clock.now().getTime()).toBe(systemMs - 3_600_000);

    const next = join(dir, 'next');
    writeFileSync(next, '7200000');
    renameSync(next, file);
    systemMs += CLOCK_FILE_CHECK_MS;
    expect(clock.now().getTime()).toBe(systemMs + 7_200_000);
  });

  it('goes back to the system time when the file is removed', () => {
    write(String(DAY_MS));
    const clock = new OffsetFileClock({ file, systemNow });
    rmSync(file);
    systemMs += CLOCK_FILE_CHECK_MS;
    expect(clock.now().getTime()).toBe(systemMs);
  });

  it('refuses to start on a file that holds no offset, naming the variable', () => {
    write('tomorrow');
    expect(() => new OffsetFileClock({ file, systemNow })).toThrow(
      /^ZIGRAL_TEST_CLOCK_FILE: .*clock-offset must hold a clock offset in milliseconds/,
    );
  });

  it('reads the real system time by default', () => {
    const clock = new OffsetFileClock({ file });
    const before = Date.now();
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
