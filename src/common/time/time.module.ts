import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Clock } from './clock';
import { OffsetFileClock } from './offset-file.clock';
import { SystemClock } from './system.clock';

/** The system clock, or with ZIGRAL_TEST_CLOCK_FILE (tests only) the clock that file moves. */
export function clockFor(config: AppConfig): Clock {
  if (!config.testClockFile) return new SystemClock();
  new Logger('Clock').warn(
    `Test clock: the system time plus the offset in ${config.testClockFile} (ZIGRAL_TEST_CLOCK_FILE)`,
  );
  return new OffsetFileClock({ file: config.testClockFile });
}

/** Provides `Clock` everywhere; tests swap it with `overrideProvider(Clock)`. */
@Global()
@Module({
  providers: [{ provide: Clock, inject: [AppConfig], useFactory: clockFor }],
  exports: [Clock],
})
export class TimeModule {}
