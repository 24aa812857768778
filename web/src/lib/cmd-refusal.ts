/**
 * A refused command (422) in plain words: what was not understood, and how to rephrase it.
 * The service answers `command_partly_understood` (phrases the plan would not honour),
 * `command_not_understood` (the offline planner could not map it), `missing_input` (data the
 * steps need) or `invalid_plan` (a plan that cannot run here).
 */
export interface RefusedPhrase {
  words: string;
  reason: string;
  suggestion: string | null;
}

export interface CommandRefusal {
  kind: 'partly_understood' | 'not_understood' | 'missing_input' | 'invalid_plan';
  title: string;
  /** The service's message, cut before its general help text. */
  detail: string;
  /** Phrases of the command the plan would not honour (partly understood only). */
  phrases: RefusedPhrase[];
  /** Each problem of a refused plan, in words (missing input, invalid plan). */
  problems: string[];
  next: string;
}

interface RefusalLike {
  status?: unknown;
  body?: { error?: unknown; message?: unknown; details?: unknown };
}

const HELP_START = 'Without an LLM, Zigral understands';

const TITLES: Record<CommandRefusal['kind'], string> = {
  partly_understood: 'Part of the command was not understood',
  not_understood: 'The command was not understood',
  missing_input: 'The command needs more information',
  invalid_plan: 'The plan cannot run here',
};

const NEXT: Record<CommandRefusal['kind'], string> = {
  partly_understood:
    'Rephrase the words named below (or remove them), then preview again. Nothing has run.',
  not_understood:
    'Rephrase the command: say whom to find (titles, places, company size) and what to do with them (research, score, draft, export). Nothing has run.',
  missing_input:
    'Fill in the context fields (sender, offer) or name the missing values in the command, then preview again. Nothing has run.',
  invalid_plan: 'Rephrase the command, then preview again. Nothing has run.',
};

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function phrasesOf(details: unknown): RefusedPhrase[] {
  if (!Array.isArray(details)) return [];
  return details
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .filter((item) => typeof item.words === 'string')
    .map((item) => ({
      words: text(item.words),
      reason: text(item.reason),
      suggestion: typeof item.suggestion === 'string' ? item.suggestion : null,
    }));
}

/** `steps.1.params.icp` → "Step 2 (icp)"; `steps[1]` → "Step 2". */
function pathInWords(path: string): string {
  const match = /^steps(?:\.(\d+)|\[(\d+)\])(?:\.params)?\.?(.*)$/.exec(path);
  if (!match) return path;
  const step = `Step ${Number(match[1] ?? match[2]) + 1}`;
  return match[3] ? `${step} (${match[3]})` : step;
}

function problemsOf(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => {
      const message = text(item.message);
      const path = text(item.path);
      return path ? `${pathInWords(path)}: ${message}` : message;
    })
    .filter((line) => line.trim() !== '');
}

/** Cuts the planner's general help off a refusal message (the page shows its own hint). */
export function refusalDetail(message: string): string {
  const at = message.indexOf(HELP_START);
  return (at === -1 ? message : message.slice(0, at)).trim();
}

/** The refusal of a command, or undefined when the error is not one (e.g. a network failure). */
export function describeRefusal(error: unknown): CommandRefusal | undefined {
  const e = (error ?? {}) as RefusalLike;
  if (e.status !== 422 || !e.body) return undefined;
  const code = text(e.body.error);
  const kind: CommandRefusal['kind'] | undefined =
    code === 'command_partly_understood'
      ? 'partly_understood'
      : code === 'command_not_understood'
        ? 'not_understood'
        : code === 'missing_input'
          ? 'missing_input'
          : code === 'invalid_plan'
            ? 'invalid_plan'
            : undefined;
  if (!kind) return undefined;
  const phrases = kind === 'partly_understood' ? phrasesOf(e.body.details) : [];
  const problems =
    kind === 'missing_input' || kind === 'invalid_plan' ? problemsOf(e.body.details) : [];
  return {
    kind,
    title: TITLES[kind],
    detail: refusalDetail(text(e.body.message)),
    phrases,
    problems,
    next: NEXT[kind],
  };
}
