/**
 * The drafts of an email.draft step over a prospect set, as the job state refers to them
 * (`state.drafts`): they are in the outbox under the step's key, one per prospect.
 */
export interface DraftsRef {
  outbox_drafts: { step_key: string; count: number };
}

export function toDraftsRef(stepKey: string, count: number): DraftsRef {
  return { outbox_drafts: { step_key: stepKey, count } };
}

/** The step key and count a state value refers to, or undefined when it is no drafts reference. */
export function draftsRefOf(value: unknown): { stepKey: string; count: number } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const ref = (value as Partial<DraftsRef>).outbox_drafts;
  if (typeof ref !== 'object' || ref === null) return undefined;
  const { step_key: stepKey, count } = ref as Partial<DraftsRef['outbox_drafts']>;
  if (typeof stepKey !== 'string' || stepKey === '') return undefined;
  return { stepKey, count: typeof count === 'number' ? count : 0 };
}
