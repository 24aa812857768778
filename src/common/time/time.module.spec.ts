import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FakeClock } from '../../../test/helpers/fake-clock';
import { AppConfig } from '../../config/app-config';
import { AppConfigModule } from '../../config/app-config.module';
import { validateEnv } from '../../config/env.schema';
import { Clock } from './clock';
import { OffsetFileClock } from './offset-file.clock';
import { SystemClock } from './system.clock';
import { clockFor, TimeModule } from './time.module';

const configWith = (env: Record<string, string>) => new AppConfig(validateEnv(env));

describe('TimeModule', () => {
  it('provides the system clock by default', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(configWith({})), TimeModule],
    }).compile();
    const clock = moduleRef.get(Clock);
    expect(clock).toBeInstanceOf(SystemClock);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('provides the file clock when ZIGRAL_TEST_CLOCK_FILE is set, and says so', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const file = `/nonexistent/zigral-clock-${process.pid}`;
    try {
      expect(clockFor(configWith({ ZIGRAL_TEST_CLOCK_FILE: file }))).toBeInstanceOf(
        OffsetFileClock,
      );
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(file));
    } finally {
      warn.mockRestore();
    }
  });

  it('lets a test swap in a fake clock it sets and moves', async () => {
    const fake = new FakeClock('2026-03-28T23:30:00.000Z');
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(configWith({})), TimeModule],
    })
      .overrideProvider(Clock)
      .useValue(fake)
      .compile();
    const clock = moduleRef.get(Clock);
    clock.now();
    fake.advance({ days: 1, minutes: 30 });
    expect(clock.now().toISOString()).toBe('2026-03-30T00:00:00.000Z');
    fake.advance(-1000);
    expect(clock.now().toISOString()).toBe('2026-03-29T23:59:59.000Z');
    fake.set('2026-10-25T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(() => fake.set('not a date')).toThrow(/not an instant/);
  });
});
