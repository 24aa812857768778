import type { RegisteredAction, RegisteredAgent } from '../agent-registry.service';

/** An input an action cannot do without; a plan whose step has none of its sources is refused. */
export class ActionNeedDto {
  /**
   * Where it may come from, any one will do: `params.<name>` (a parameter of the step) or
   * `state.<key>` (the context, or an earlier step's write).
   * @example ["params.icp", "state.icp"]
   */
  any_of: string[];
  /** What the input is, in words. @example "an ideal customer profile" */
  what: string;
}

export class ActionDescriptionDto {
  /** @example search */
  name: string;
  /** @example "Finds prospects in the database by title, seniority, industry, location and company size" */
  description: string;
  /** JSON Schema of the action's parameters. @example { "type": "object", "properties": { "seconds": { "type": "integer", "minimum": 1, "maximum": 300 } }, "required": ["seconds"], "additionalProperties": false } */
  params_schema: Record<string, unknown>;
  /** State keys the action needs. @example [] */
  reads: string[];
  /** State keys the action uses when present. @example [] */
  optional_reads: string[];
  /** Inputs the action needs: a plan without one is refused with 422 `missing_input`. @example [] */
  needs: ActionNeedDto[];
  /** State keys it writes (`*`: the keys depend on its parameters). @example ["prospects"] */
  writes: string[];
  side_effect: boolean;
  requires_approval: boolean;
  /** False when the action lacks the configuration it needs; plans using it are refused. */
  available: boolean;
  /** Why it is unavailable, when it is. @example SMTP is not configured: set SMTP_URL and EMAIL_FROM */
  unavailable_reason?: string;

  static from(action: RegisteredAction): ActionDescriptionDto {
    const unavailableReason = action.unavailableReason();
    return {
      name: action.name,
      description: action.description,
      params_schema: action.paramsSchema,
      reads: action.reads,
      optional_reads: action.optionalReads,
      needs: action.needs.map((need) => ({ any_of: need.anyOf, what: need.what })),
      writes: action.declaredWrites,
      side_effect: action.sideEffect,
      requires_approval: action.requiresApproval,
      available: unavailableReason === undefined,
      ...(unavailableReason === undefined ? {} : { unavailable_reason: unavailableReason }),
    };
  }
}

export class AgentDescriptionDto {
  /** @example core */
  name: string;
  /** @example "Job plumbing: set values in the job state, wait" */
  description: string;
  actions: ActionDescriptionDto[];

  static from(agent: RegisteredAgent): AgentDescriptionDto {
    return {
      name: agent.name,
      description: agent.description,
      actions: agent.actions.map((action) => ActionDescriptionDto.from(action)),
    };
  }
}
