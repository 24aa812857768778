import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { MailboxHealthIndicator } from '../agents/mailbox/mailbox-health.indicator';
import { ApiError } from '../common/decorators/api-docs.decorators';
import { Public } from '../common/decorators/public.decorator';
import { CodedHttpException } from '../common/http/coded-http.exception';
import { HealthResponseDto } from './dto/health-response.dto';

/** Liveness and readiness for Docker HEALTHCHECK and orchestrators: open, never throttled. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly mailbox: MailboxHealthIndicator,
  ) {}

  /**
   * Reports whether the service is ready
   * @remarks 200 when every check (the database) is up, 503 naming the ones down. The `mailbox`
   * entry is informational: always up, its `state` says how the IMAP watcher is doing
   * (not_configured, standby, connecting, connected, auth_failed, unreachable, error). No API key
   * needed, never rate-limited.
   */
  @Get()
  @Public()
  @SkipThrottle()
  // Documented here: Terminus' own 503 schema is not the shape this route answers with.
  @HealthCheck({ swaggerDocumentation: false })
  @ApiResponse({ status: 200, type: HealthResponseDto, description: 'Ready' })
  @ApiError(
    {
      status: 503,
      description: 'Not ready: the message names the checks down, details has each check',
      error: 'unhealthy',
      message: 'Not ready: database down',
    },
    { database: { status: 'down' } },
  )
  async check() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 2000 }),
        () => this.mailbox.check('mailbox'),
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
