/** What a step waiting for approval will do (its `preview`), in a few words. */
export interface StepPreviewWords {
  description?: string;
  /** "drafts: 43", one per input with a count. */
  inputs: string[];
}

export function stepPreviewWords(preview: Record<string, unknown> | undefined): StepPreviewWords {
  if (!preview) return { inputs: [] };
  const description = typeof preview.description === 'string' ? preview.description : undefined;
  const inputs: string[] = [];
  const raw = preview.inputs;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      const count =
        value && typeof value === 'object' ? (value as { count?: unknown }).count : undefined;
      if (typeof count === 'number') inputs.push(`${key.replace(/_/g, ' ')}: ${count}`);
    }
  }
  return { description, inputs };
}

/**
 * The first clause of an action's description (GET /agents writes them for planners, at length):
 * asides in brackets dropped, at most about 80 characters.
 */
export function shortDescription(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const clause = description
    .replace(/\s*\([^)]*\)/g, '')
    .split(/[;,.]/)[0]
    .trim();
  if (clause.length <= 80) return clause || undefined;
  return `${clause.slice(0, clause.lastIndexOf(' ', 80))}…`;
}
