import type { ContextChanges } from '../context.types';

/** A JSON path (SQLite's `$.a."b"[2]` syntax) and the JSON text of the value to put there. */
export type JsonPathSet = [path: string, json: string];

/** An object key a quoted SQLite JSON path label carries as it is (no escapes exist in it). */
function isSafeLabel(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code < 0x20 || code === 0x22 /* " */ || code === 0x5c /* \ */) return false;
  }
  return true;
}

/**
 * The JSON path sets that turn a job's context document into `{ ...doc, ...context }` when only
 * `changes` differ from it: each top-level key of `context` but `state` and `steps` whole, the
 * changed `state` keys, the changed `steps` entries. Undefined when a key cannot be written
 * that way (a quote, backslash or control character in it; an undefined value, which
 * JSON.stringify would drop): the caller then rewrites the document.
 */
export function contextPathSets(
  context: Record<string, unknown>,
  changes: ContextChanges,
): JsonPathSet[] | undefined {
  const sets: JsonPathSet[] = [];
  for (const [key, value] of Object.entries(context)) {
    if (key === 'state' || key === 'steps') continue;
    const set = pathSet(`$."${key}"`, key, value);
    if (!set) return undefined;
    sets.push(set);
  }
  if (changes.stateKeys.length > 0) {
    const state = context.state as Record<string, unknown> | undefined;
    if (!isObject(state)) return undefined;
    for (const key of changes.stateKeys) {
      const set = pathSet(`$.state."${key}"`, key, state[key]);
      if (!set) return undefined;
      sets.push(set);
    }
  }
  if (changes.steps.length > 0) {
    const steps = context.steps;
    if (!Array.isArray(steps)) return undefined;
    for (const index of changes.steps) {
      const set = pathSet(`$.steps[${index}]`, '', steps[index]);
      if (!set) return undefined;
      sets.push(set);
    }
  }
  return sets;
}

function pathSet(path: string, label: string, value: unknown): JsonPathSet | undefined {
  if (value === undefined || !isSafeLabel(label)) return undefined;
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? undefined : [path, json];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
