import { HttpStatus, Injectable } from '@nestjs/common';
import { AgentRegistry } from '../agents/agent-registry.service';
import { ValidatedPlan, validatePlan } from '../agents/plan-validation.util';
import { LlmService } from '../llm/llm.service';
import { LlmPlanner, PlanRequest } from './llm-planner';
import { planOffline } from './offline/offline-planner';
import { CommandNotUnderstoodException, planRefusal } from './planning.exceptions';
import type { PlannerKind } from './plan.types';

/** Turns a command into a validated plan: with the LLM when one is configured, offline otherwise. */
@Injectable()
export class PlannerService {
  constructor(
    private readonly llm: LlmService,
    private readonly llmPlanner: LlmPlanner,
    private readonly registry: AgentRegistry,
  ) {}

  async plan(request: PlanRequest): Promise<{ plan: ValidatedPlan; planner: PlannerKind }> {
    if (this.llm.enabled) return { plan: await this.llmPlanner.plan(request), planner: 'llm' };
    const offline = planOffline({
      command: request.command,
      contextKeys: Object.keys(request.context),
    });
    if (!offline.ok) throw new CommandNotUnderstoodException(offline.reason);
    return { plan: this.validate(offline.plan, request.context, 'offline'), planner: 'offline' };
  }

  /** Validates a plan the client sent (`POST /jobs`), exactly as a planner's. */
  validateExplicit(plan: unknown, context: Record<string, unknown>): ValidatedPlan {
    return this.validate(plan, context, 'explicit');
  }

  private validate(
    plan: unknown,
    context: Record<string, unknown>,
    source: 'offline' | 'explicit',
  ): ValidatedPlan {
    const result = validatePlan({
      plan,
      catalog: this.registry,
      initialKeys: Object.keys(context),
    });
    if (result.ok) return result.plan;
    const message =
      source === 'offline'
        ? 'The offline planner understood the command, but this installation cannot run its plan'
        : 'The plan cannot run';
    throw planRefusal({
      issues: result.issues,
      source: source === 'offline' ? 'command' : 'explicit',
      invalid: { status: HttpStatus.UNPROCESSABLE_ENTITY, message },
    });
  }
}
