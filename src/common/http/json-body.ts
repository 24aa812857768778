import { findNulCharacter, nulCharacterMessage } from '../validation/nul-character.util';

/** Deepest nesting accepted in a JSON body; deeper documents would exhaust the stack later on. */
export const MAX_JSON_DEPTH = 64;

/**
 * Keys refused anywhere in a JSON body. Fastify's parser already refuses `__proto__`; Nest's
 * ValidationPipe would silently delete these two, so they are refused up front instead of lost.
 */
const RESERVED_KEYS = new Set(['constructor', 'prototype']);

/**
 * Why a parsed JSON body is refused, or undefined when it is fine: nesting deeper than
 * `maxDepth`, or a reserved key. Walks iteratively, so any depth is safe to check.
 */
export function jsonBodyProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > maxDepth) return `JSON nested deeper than ${maxDepth} levels`;
    for (const [key, child] of Object.entries(current)) {
      if (!Array.isArray(current) && RESERVED_KEYS.has(key)) {
        return `JSON key "${key}" is reserved and cannot be stored`;
      }
      stack.push([child, depth + 1]);
    }
  }
  return undefined;
}

/**
 * Why a request body that is present cannot stand for a DTO, or undefined when it is a JSON
 * object. `null`, numbers, strings, booleans and arrays are refused by name rather than read as
 * `{}` (a stray `42` must not approve a send).
 */
export function nonObjectBodyProblem(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return undefined;
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return `The request body must be a JSON object, not ${kind}`;
}

/**
 * Why a JSON body holding a NUL character (U+0000) is refused, naming where; undefined when it
 * holds none. Postgres cannot store one in text, so both engines refuse it up front. JSON writes
 * it only as the escape `\u0000`, which is looked for in the text first: most bodies are never
 * walked for it.
 */
export function nulCharacterProblem(text: string, value: unknown): string | undefined {
  if (!text.includes('\\u0000')) return undefined;
  const path = findNulCharacter(value);
  return path === undefined ? undefined : nulCharacterMessage(path);
}

/** A client error with a status, mapped to the shared error shape by the exception filter. */
export function clientError(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { statusCode });
}
