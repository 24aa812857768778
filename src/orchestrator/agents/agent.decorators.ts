import { SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { ActionHandler, ActionOptions, AgentOptions } from './agent.types';

/** Marks a provider as an agent; the AgentRegistry finds it at start-up. */
export const Agent = DiscoveryService.createDecorator<AgentOptions>();

export const ACTION_METADATA = 'zigral:agent-action';

/**
 * Marks a method of an agent as an action. The method's first parameter must be the `params`
 * class, so the declared schema and the handler's input type cannot drift apart.
 */
export function Action<P extends object>(options: ActionOptions<P>) {
  return <H extends ActionHandler<P>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    SetMetadata(ACTION_METADATA, options)(target, key, descriptor);
  };
}
