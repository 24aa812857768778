import type { ContextAssignment } from '../context.types';

/**
 * A context document after an assignment: its top-level keys replaced (kept in place when they
 * exist, added at the end otherwise) and its errors appended (to a fresh list when `errors` is
 * not one). The inputs are not changed.
 */
export function assignContext(
  data: Record<string, unknown>,
  assignment: ContextAssignment,
): Record<string, unknown> {
  const next = { ...data, ...assignment.keys };
  const errors = assignment.errors ?? [];
  if (errors.length > 0) {
    next.errors = [...(Array.isArray(next.errors) ? (next.errors as unknown[]) : []), ...errors];
  }
  return next;
}
