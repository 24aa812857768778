import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { RegisteredAgent } from '../agents/agent-registry.service';
import type { PlanIssue } from '../agents/plan-validation.util';
import type { PlanExample } from './plan-history';
import { planSchema, ResponseMode } from './plan-response-format';
import { INTERPRETATION_RULES } from './plan-prompt-interpretation';
import { SEQUENCE_RULES } from './plan-prompt-sequences';

const MAX_CONTEXT_CHARS = 8000;

const RULES = [
  "You are Zigral's planner. You turn a sales user's command into an action sequence that Zigral's agents run in order.",
  'Rules:',
  "- Use only the actions listed below, with parameters that follow each action's JSON Schema.",
  '- Steps share a state of named keys. A step may read a key only when the context gives it or an earlier step writes it.',
  '- Order the steps as they must run, and use only the steps the command asks for.',
  '- An action marked "needs <input> (<sources>)" cannot run without that input from one of its sources: a parameter of the step (take it from what the command says, e.g. params.icp from the criteria it names) or a state key. Never invent a value the user did not give.',
  '- Actions marked "needs approval" pause for a human before they run.',
  '- Actions marked "unavailable" lack the configuration they need, and a plan using them is refused.',
  '- objective: one sentence saying what the job achieves.',
  '- Answer with the JSON object of the plan, with its interpretation, and nothing else.',
];

/** The system prompt, built from the registry (never written per agent) and past plans. */
export function systemPrompt(input: {
  agents: RegisteredAgent[];
  examples: PlanExample[];
  mode: ResponseMode;
}): string {
  const sequences = input.agents.some(
    (agent) =>
      agent.name === 'sequences' && agent.actions.some((action) => action.name === 'create'),
  );
  const parts = [
    RULES.join('\n'),
    INTERPRETATION_RULES.join('\n'),
    ...(sequences ? [SEQUENCE_RULES.join('\n')] : []),
    'Actions:',
    ...input.agents.flatMap(describeAgent),
  ];
  if (input.examples.length > 0) {
    parts.push(
      'Plans of this kind of job that worked before (learn from them and their feedback):',
    );
    parts.push(...input.examples.map(describeExample));
  }
  if (input.mode === 'json_object') {
    parts.push(
      `The answer must be a JSON object that validates against this JSON Schema:\n${JSON.stringify(planSchema(input.agents))}`,
    );
  }
  return parts.join('\n\n');
}

export function userMessage(input: { command: string; context: Record<string, unknown> }): string {
  const keys = Object.keys(input.context);
  let context = JSON.stringify(input.context);
  if (context.length > MAX_CONTEXT_CHARS) context = `${context.slice(0, MAX_CONTEXT_CHARS)}…`;
  return [
    `Command: ${input.command}`,
    `Context keys already in the state: ${keys.length > 0 ? keys.join(', ') : 'none'}`,
    `Context: ${context}`,
  ].join('\n');
}

/** The repair round's message: what was wrong, so the model can fix exactly that. */
export function repairMessage(issues: PlanIssue[]): string {
  const lines = issues.map((issue) => `- ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
  return `That plan cannot run:\n${lines.join('\n')}\nAnswer with the corrected plan and its interpretation as a JSON object.`;
}

export function buildMessages(input: {
  system: string;
  user: string;
}): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: input.system },
    { role: 'user', content: input.user },
  ];
}

function describeAgent(agent: RegisteredAgent): string[] {
  return agent.actions.map((action) => {
    const traits = [
      `reads: ${action.reads.join(', ') || 'nothing'}`,
      action.optionalReads.length > 0 ? `uses if present: ${action.optionalReads.join(', ')}` : '',
      ...action.needs.map((need) => `needs ${need.what} (${need.anyOf.join(' or ')})`),
      `writes: ${action.declaredWrites.join(', ') || 'nothing'}`,
      action.requiresApproval ? 'needs approval' : '',
      unavailableTrait(action.unavailableReason()),
    ].filter(Boolean);
    return [
      `- ${agent.name}.${action.name}: ${action.description} (${traits.join('; ')})`,
      `  params: ${JSON.stringify(action.paramsSchema)}`,
    ].join('\n');
  });
}

function describeExample(example: PlanExample): string {
  const lines = [`Command: ${example.command}`, `Plan: ${JSON.stringify(example.plan)}`];
  if (example.feedback.length > 0) lines.push(`Feedback: ${example.feedback.join(' | ')}`);
  return lines.join('\n');
}

function unavailableTrait(reason: string | undefined): string {
  return reason === undefined ? '' : `unavailable: ${reason}`;
}
