import { ExecutionContext, SetMetadata } from '@nestjs/common';

const COMMAND_RATE_LIMIT = 'zigral:command-rate-limit';

/** The named throttler of routes that may call the LLM (COMMAND_RATE_LIMIT per window). */
export const COMMAND_THROTTLER = 'command';

/** Puts a route under the stricter command rate limit, on top of the global one. */
export const CommandRateLimit = () => SetMetadata(COMMAND_RATE_LIMIT, true);

/** The command throttler skips every route not marked with @CommandRateLimit(). */
export function isOutsideCommandRateLimit(context: ExecutionContext): boolean {
  return Reflect.getMetadata(COMMAND_RATE_LIMIT, context.getHandler()) !== true;
}
