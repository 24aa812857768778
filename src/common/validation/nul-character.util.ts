/** U+0000, which Postgres cannot store in text (error 22021) and no real input needs. */
const NUL = '\u0000';

/** A container met on the walk, and how it was reached (for the path of a problem). */
interface Visit {
  value: object;
  key?: string;
  parent?: Visit;
}

/** `a.b[0].c`: the path to `key` of the container `visit`, after `root`. */
function pathOf(visit: Visit, key: string, root: string | undefined): string {
  const parts = [{ key, index: Array.isArray(visit.value) }];
  for (let at = visit; at.parent && at.key !== undefined; at = at.parent) {
    parts.unshift({ key: at.key, index: Array.isArray(at.parent.value) });
  }
  let path = root ?? '';
  for (const part of parts) {
    if (part.index) path += `[${part.key}]`;
    else path += path ? `.${part.key}` : part.key;
  }
  // A NUL in a key is named by its escape, not sent back raw.
  return path.replaceAll(NUL, '\\u0000');
}

/**
 * Where `value` holds a NUL character, in a string or an object key, as a property path
 * (`context_data.notes`, `tags[2]`, `root.key` when `root` names the value itself); undefined
 * when it holds none. Walks iteratively, so any depth is safe.
 */
export function findNulCharacter(value: unknown, root?: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? (root ?? 'value') : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Visit[] = [{ value }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    for (const [key, child] of Object.entries(visit.value)) {
      if (key.includes(NUL) || (typeof child === 'string' && child.includes(NUL))) {
        return pathOf(visit, key, root);
      }
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child as object, key, parent: visit });
      }
    }
  }
  return undefined;
}

/** The 400 message for a NUL character at `path`. */
export function nulCharacterMessage(path: string): string {
  return `${path} must not contain a NUL character (\\u0000)`;
}
