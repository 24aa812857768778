import { isPlainObject } from '../../context/utils/json-merge-patch.util';
import type { JsonSchema } from './action-params.util';

/** Keywords that OpenAI's strict structured outputs accept; the rest are dropped from the LLM's copy. */
const STRICT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'anyOf',
  'description',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'pattern',
]);

const JSON_STRING_NOTE = 'A JSON object, encoded as a string.';

/**
 * Rewrites a schema for strict structured outputs: every object closed with all properties
 * required, optional ones made nullable, and free-form objects (which strict mode cannot express)
 * carried as JSON-encoded strings. `fromStrictOutput` undoes both on the model's answer.
 */
export function toStrictSchema(schema: JsonSchema): JsonSchema {
  if (isFreeFormObject(schema)) {
    const description = [schema.description, JSON_STRING_NOTE].filter(Boolean).join(' ');
    return { type: 'string', description };
  }
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (STRICT_KEYWORDS.has(key)) result[key] = value;
  }
  if (Array.isArray(schema.anyOf)) {
    result.anyOf = (schema.anyOf as JsonSchema[]).map(toStrictSchema);
  }
  if (schema.items && typeof schema.items === 'object') {
    result.items = toStrictSchema(schema.items as JsonSchema);
  }
  if (schema.properties) {
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const properties: Record<string, JsonSchema> = {};
    for (const [name, property] of Object.entries(
      schema.properties as Record<string, JsonSchema>,
    )) {
      const strict = toStrictSchema(property);
      properties[name] = required.has(name) ? strict : nullable(strict);
    }
    Object.assign(result, {
      properties,
      required: Object.keys(properties),
      additionalProperties: false,
    });
  }
  return result;
}

/**
 * Turns a strict answer back into what the original schema validates: nulls of optional fields
 * dropped (in the variant of an `anyOf` the value was written for), JSON strings decoded.
 */
export function fromStrictOutput(schema: JsonSchema, value: unknown): unknown {
  if (isFreeFormObject(schema) && typeof value === 'string') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value; // validation reports it as "must be an object"
    }
  }
  if (Array.isArray(schema.anyOf) && value !== null) {
    const variant = variantOf(schema.anyOf as JsonSchema[], value);
    return variant ? fromStrictOutput(variant, value) : value;
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === 'object') {
    return value.map((item) => fromStrictOutput(schema.items as JsonSchema, item));
  }
  if (!isPlainObject(value) || !schema.properties) return value;
  const properties = schema.properties as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const result: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    if (item === null && !required.has(name)) continue;
    result[name] = properties[name] ? fromStrictOutput(properties[name], item) : item;
  }
  return result;
}

/**
 * The variant of an `anyOf` an answer's value was written for: for an object, the first variant
 * that has every property it gives, with the one value of each single-value enum (a step's
 * `type`); for anything else, the first variant that is not null.
 */
function variantOf(variants: JsonSchema[], value: unknown): JsonSchema | undefined {
  if (!isPlainObject(value)) return variants.find((variant) => variant.type !== 'null');
  return variants.find((variant) => {
    const properties = (variant.properties ?? {}) as Record<string, JsonSchema>;
    return Object.entries(value).every(([name, item]) => {
      const property = properties[name];
      if (!property) return false;
      const values = property.enum as unknown[] | undefined;
      return values?.length !== 1 || values[0] === item;
    });
  });
}

function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string' && !schema.anyOf) {
    const withNull: JsonSchema = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) withNull.enum = [...(schema.enum as unknown[]), null];
    return withNull;
  }
  return { anyOf: [schema, { type: 'null' }] };
}

function isFreeFormObject(schema: JsonSchema): boolean {
  return schema.type === 'object' && !schema.properties;
}
