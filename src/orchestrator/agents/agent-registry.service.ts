import { Injectable, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACTION_METADATA, Agent } from './agent.decorators';
import type {
  ActionContext,
  ActionHandler,
  ActionNeed,
  ActionOptions,
  ActionResult,
  AgentAvailability,
  AgentOptions,
} from './agent.types';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './retry-policy.util';
import { JsonSchema, paramsJsonSchema } from './action-params.util';
import { parseSource } from './action-needs.util';

/** An action as the registry knows it: its declaration, its schema, and how to call it. */
export interface RegisteredAction {
  agent: string;
  name: string;
  description: string;
  paramsType: Type<object>;
  paramsSchema: JsonSchema;
  reads: string[];
  optionalReads: string[];
  /** Inputs a step must have, each from one of its sources (params or state). */
  needs: ActionNeed[];
  /** The keys a step with these (validated) parameters writes. */
  writesFor(params: object): string[];
  /** The declared keys, as `/agents` shows them (`*` for keys that depend on the parameters). */
  declaredWrites: string[];
  sideEffect: boolean;
  requiresApproval: boolean;
  retry: RetryPolicy;
  /** Time limit of one attempt, when the action sets its own. */
  timeoutMs?: number;
  /** Why the action can't run in this process (missing configuration), or undefined. */
  unavailableReason(): string | undefined;
  invoke(params: object, context: ActionContext): Promise<ActionResult>;
}

export interface RegisteredAgent {
  name: string;
  description: string;
  actions: RegisteredAction[];
}

const NAME_PATTERN = /^[a-z][a-z0-9_]{0,47}$/;

/**
 * Every agent and action of this process, found at start-up with Nest's DiscoveryService: a
 * provider marked `@Agent()` with methods marked `@Action()`. Plans are validated against it.
 */
@Injectable()
export class AgentRegistry implements OnModuleInit {
  private agents = new Map<string, RegisteredAgent>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const agents = new Map<string, RegisteredAgent>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: Agent.KEY })) {
      const options = this.discovery.getMetadataByDecorator(Agent, wrapper);
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!options || !instance) continue;
      assertName(options.name, `agent of ${wrapper.name}`);
      if (agents.has(options.name)) throw new Error(`Two agents are named "${options.name}"`);
      agents.set(options.name, this.describeAgent(options, instance));
    }
    this.agents = new Map([...agents.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  list(): RegisteredAgent[] {
    return [...this.agents.values()];
  }

  findAgent(name: string): RegisteredAgent | undefined {
    return this.agents.get(name);
  }

  findAction(agent: string, action: string): RegisteredAction | undefined {
    return this.agents.get(agent)?.actions.find((candidate) => candidate.name === action);
  }

  private describeAgent(options: AgentOptions, instance: Record<string, unknown>): RegisteredAgent {
    const actions: RegisteredAction[] = [];
    for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = instance[method] as ActionHandler<object>;
      const action = this.reflector.get<ActionOptions | undefined>(ACTION_METADATA, handler);
      if (!action) continue;
      assertName(action.name, `action of agent "${options.name}"`);
      if (actions.some((known) => known.name === action.name)) {
        throw new Error(`Agent "${options.name}" has two actions named "${action.name}"`);
      }
      const availability = (instance as Partial<AgentAvailability>).unavailableReason;
      const unavailableReason =
        typeof availability === 'function'
          ? () => availability.call(instance, action.name)
          : () => undefined;
      actions.push(
        registeredAction({
          agent: options.name,
          options: action,
          handler: handler.bind(instance),
          unavailableReason,
        }),
      );
    }
    actions.sort((a, b) => a.name.localeCompare(b.name));
    return { name: options.name, description: options.description, actions };
  }
}

function registeredAction(input: {
  agent: string;
  options: ActionOptions;
  handler: ActionHandler<object>;
  unavailableReason: () => string | undefined;
}): RegisteredAction {
  const { agent, options, handler } = input;
  const writes = options.writes ?? [];
  const paramsSchema = paramsJsonSchema(options.params);
  const reads = options.reads ?? [];
  const optionalReads = options.optionalReads ?? [];
  const needs = options.needs ?? [];
  assertNeeds(`${agent}.${options.name}`, needs, {
    params: Object.keys(paramsSchema.properties as object),
    state: [...reads, ...optionalReads],
  });
  return {
    agent,
    name: options.name,
    description: options.description,
    paramsType: options.params,
    paramsSchema,
    reads,
    optionalReads,
    needs,
    writesFor: (params) => (typeof writes === 'function' ? writes(params) : writes),
    declaredWrites: typeof writes === 'function' ? ['*'] : writes,
    sideEffect: options.sideEffect ?? false,
    requiresApproval: options.requiresApproval ?? false,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    timeoutMs: options.timeoutMs,
    unavailableReason: input.unavailableReason,
    invoke: handler,
  };
}

/**
 * A need's sources must exist: a parameter of the action, or a state key it reads (the runner
 * hands an action only the keys it declares).
 */
function assertNeeds(
  label: string,
  needs: ActionNeed[],
  known: { params: string[]; state: string[] },
): void {
  for (const need of needs) {
    if (need.anyOf.length === 0) throw new Error(`${label} declares a need without sources`);
    for (const source of need.anyOf) {
      const { place, name } = parseSource(source);
      if (!known[place]?.includes(name)) {
        throw new Error(
          `${label} needs ${source}, which is not one of its ${place === 'params' ? 'parameters' : 'reads'}`,
        );
      }
    }
  }
}

function assertName(name: string, what: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw new Error(`Invalid name "${name}" for an ${what}: use lower-case letters, digits and _`);
  }
}
