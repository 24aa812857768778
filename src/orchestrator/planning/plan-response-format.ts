import type { JsonSchema } from '../agents/action-params.util';
import type { ActionCatalog } from '../agents/plan-validation.util';
import { MAX_PLAN_STEPS } from '../agents/plan-validation.util';
import type { RegisteredAgent } from '../agents/agent-registry.service';
import { fromStrictOutput, toStrictSchema } from '../agents/strict-schema.util';
import { NOT_UNDERSTOOD_KINDS } from './interpretation';

export type ResponseMode = 'json_schema' | 'json_object';

const text = (description: string): JsonSchema => ({ type: 'string', description });

/** What the model understood of the command: each constraint a step honours, and what it did not. */
export const INTERPRETATION_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    constraints: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          words: text("The user's exact words this constraint comes from"),
          step: { type: 'integer', description: 'Index of the step whose params honour it' },
          param: text('The parameter of that step'),
          value: text('One value of that parameter, as text (one constraint per list value)'),
        },
        required: ['words', 'step', 'param', 'value'],
        additionalProperties: false,
      },
    },
    not_understood: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          words: text("The user's exact words that no parameter honours"),
          kind: { type: 'string', enum: [...NOT_UNDERSTOOD_KINDS] },
          reason: text('Why they are not honoured'),
          suggestion: text('What the user may have meant, e.g. "Germany?" for "Germny"'),
        },
        required: ['words', 'kind', 'reason'],
        additionalProperties: false,
      },
    },
  },
  required: ['constraints', 'not_understood'],
  additionalProperties: false,
};

/**
 * The JSON Schema of a plan, built from the registry: each step is one of the registered actions
 * with that action's own parameter schema, so a schema-following model can only name real actions.
 */
export function planSchema(agents: RegisteredAgent[]): JsonSchema {
  const stepVariants = agents.flatMap((agent) =>
    agent.actions.map((action) => ({
      type: 'object',
      description: `${agent.name}.${action.name}`,
      properties: {
        agent: { type: 'string', enum: [agent.name] },
        action: { type: 'string', enum: [action.name] },
        params: action.paramsSchema,
      },
      required: ['agent', 'action', 'params'],
      additionalProperties: false,
    })),
  );
  return {
    type: 'object',
    properties: {
      objective: { type: 'string', description: 'What the job achieves, in one sentence' },
      steps: { type: 'array', maxItems: MAX_PLAN_STEPS, items: { anyOf: stepVariants } },
      interpretation: INTERPRETATION_SCHEMA,
    },
    required: ['objective', 'steps', 'interpretation'],
    additionalProperties: false,
  };
}

/** `response_format` for Chat Completions: strict JSON Schema, or plain JSON mode as the fallback. */
export function planResponseFormat(agents: RegisteredAgent[], mode: ResponseMode) {
  if (mode === 'json_object') return { type: 'json_object' as const };
  return {
    type: 'json_schema' as const,
    json_schema: { name: 'action_plan', strict: true, schema: toStrictSchema(planSchema(agents)) },
  };
}

/** Undoes the strict-schema encoding in each step's params (nulls for absent fields, JSON strings). */
export function decodePlanAnswer(answer: unknown, catalog: ActionCatalog): unknown {
  if (typeof answer !== 'object' || answer === null) return answer;
  const steps = (answer as { steps?: unknown }).steps;
  if (!Array.isArray(steps)) return answer;
  return {
    ...answer,
    steps: steps.map((step: unknown) => {
      if (typeof step !== 'object' || step === null) return step;
      const { agent, action, params } = step as Record<string, unknown>;
      const known =
        typeof agent === 'string' && typeof action === 'string'
          ? catalog.findAction(agent, action)
          : undefined;
      return known ? { ...step, params: fromStrictOutput(known.paramsSchema, params) } : step;
    }),
  };
}
