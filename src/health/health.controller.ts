import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/decorators/public.decorator';
import { CodedHttpException } from '../common/http/coded-http.exception';

/** Liveness and readiness for Docker HEALTHCHECK and orchestrators: open, never throttled. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @SkipThrottle()
  @HealthCheck()
  async check() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 2000 }),
      ]);
    } catch (error) {
      throw unhealthy(error);
    }
  }
}

/**
 * Terminus answers 503 with each indicator's result; the API's error shape keeps them as
 * `details`, with the failing ones named in the message.
 */
function unhealthy(error: unknown): unknown {
  if (!(error instanceof ServiceUnavailableException)) return error;
  const result = error.getResponse() as {
    error?: Record<string, unknown>;
    details?: Record<string, unknown>;
  };
  const down = Object.keys(result.error ?? {});
  const message = down.length > 0 ? `Not ready: ${down.join(', ')} down` : 'Not ready';
  return new CodedHttpException(503, 'unhealthy', message, result.details);
}
