import { HttpStatus, Injectable } from '@nestjs/common';
import { AgentRegistry } from '../agents/agent-registry.service';
import { ValidatedPlan, validatePlan } from '../agents/plan-validation.util';
import { LlmService } from '../llm/llm.service';
import { LlmPlanner, PlanRequest } from './llm-planner';
import { planOffline } from './offline/offline-planner';
import { explicitInterpretation, Interpretation } from './interpretation';
import { CommandNotUnderstoodException, planRefusal } from './planning.exceptions';
import type { PlannerKind } from './plan.types';

/** A validated plan, who made it, and what it understood of the command. */
export interface PlannedCommand {
  plan: ValidatedPlan;
  planner: PlannerKind;
  interpretation: Interpretation;
}

/** Turns a command into a validated plan: with the LLM when one is configured, offline otherwise. */
@Injectable()
export class PlannerService {
  constructor(
    private readonly llm: LlmService,
    private readonly llmPlanner: LlmPlanner,
    private readonly registry: AgentRegistry,
  ) {}

  async plan(request: PlanRequest): Promise<PlannedCommand> {
    if (this.llm.enabled) return { ...(await this.llmPlanner.plan(request)), planner: 'llm' };
    const offline = planOffline({
      command: request.command,
      contextKeys: Object.keys(request.context),
    });
    if (!offline.ok) throw new CommandNotUnderstoodException(offline.reason);
    return {
      plan: this.validate(offline.plan, request.context, 'offline'),
      planner: 'offline',
      interpretation: offline.interpretation,
    };
  }

  /** Validates a plan the client sent (`POST /jobs`), exactly as a planner's. */
  validateExplicit(
    plan: unknown,
    context: Record<string, unknown>,
  ): { plan: ValidatedPlan; interpretation: Interpretation } {
    const validated = this.validate(plan, context, 'explicit');
    return { plan: validated, interpretation: explicitInterpretation(validated.steps) };
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
