import { Injectable } from '@nestjs/common';
import { ContextService } from '../../context/context.service';
import { isPlainObject } from '../../context/utils/json-merge-patch.util';
import type { Plan } from './plan.types';

/** A past plan shown to the LLM as an example, with what users said about it. */
export interface PlanExample {
  command: string;
  plan: Plan;
  feedback: string[];
}

/** How many recent jobs of a type are looked at, and how many examples are shown at most. */
const RECENT_JOBS = 50;
const MAX_EXAMPLES = 3;
const GOOD_RATING = 4;
const POOR_RATING = 2;

/**
 * Picks examples from job contexts, newest first: plans that succeeded (unless users rated them
 * poorly) or that users rated well, within a token budget (about 4 characters a token).
 */
export function selectPlanExamples(input: {
  contexts: Record<string, unknown>[];
  tokenBudget: number;
}): PlanExample[] {
  const examples: PlanExample[] = [];
  let tokens = 0;
  for (const data of input.contexts) {
    if (examples.length >= MAX_EXAMPLES) break;
    const example = toExample(data);
    if (!example) continue;
    const cost = Math.ceil(JSON.stringify(example).length / 4);
    if (tokens + cost > input.tokenBudget) continue;
    tokens += cost;
    examples.push(example);
  }
  return examples;
}

function toExample(data: Record<string, unknown>): PlanExample | undefined {
  const plan = data.plan as Plan | undefined;
  // Contexts are written by clients too: take only what has the shape of a plan.
  if (typeof data.command !== 'string' || !isPlainObject(plan)) return undefined;
  if (!Array.isArray(plan.steps) || !plan.steps.every((step) => isPlainObject(step))) {
    return undefined;
  }
  const ratings = feedbackOf(data);
  const best = Math.max(0, ...ratings.map((item) => item.rating));
  const worst = Math.min(5, ...ratings.map((item) => item.rating));
  const succeeded = data.status === 'succeeded' && worst > POOR_RATING;
  if (!succeeded && best < GOOD_RATING) return undefined;
  return {
    command: data.command,
    plan: {
      objective: String(plan.objective),
      steps: plan.steps.map(({ agent, action, params }) => ({ agent, action, params })),
    },
    feedback: ratings.map((item) =>
      item.comment ? `${item.rating}/5: ${item.comment}` : `${item.rating}/5`,
    ),
  };
}

/** Feedback as the job API stores it: a list of `{ rating, comment? }` (a single object is accepted too). */
function feedbackOf(data: Record<string, unknown>): { rating: number; comment?: string }[] {
  const raw = data.feedback;
  const items = Array.isArray(raw) ? (raw as unknown[]) : raw ? [raw] : [];
  return items.flatMap((item) => {
    const { rating, comment } = (item ?? {}) as { rating?: unknown; comment?: unknown };
    if (typeof rating !== 'number') return [];
    return [{ rating, comment: typeof comment === 'string' ? comment : undefined }];
  });
}

/** Reads past plans of a job type from the Context store ("learn from past interactions"). */
@Injectable()
export class PlanHistory {
  constructor(private readonly contexts: ContextService) {}

  async examples(jobType: string, tokenBudget: number): Promise<PlanExample[]> {
    if (tokenBudget <= 0) return [];
    const page = await this.contexts.list({ jobType, skip: 0, limit: RECENT_JOBS });
    return selectPlanExamples({
      contexts: page.items.map((entry) => entry.contextData),
      tokenBudget,
    });
  }
}
