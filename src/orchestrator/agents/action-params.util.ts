import type { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { validateSync, ValidationError } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { findNulCharacter } from '../../common/validation/nul-character.util';

// class-transformer keeps its @Type() metadata here (not re-exported from its index); the schema
// generator needs it for nested classes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

/** A JSON Schema object, as produced for action parameters. */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of a class-validator parameter class, with nested classes inlined (the LLM and
 * `/agents` get one self-contained schema per action) and unknown properties refused, as validation does.
 */
export function paramsJsonSchema(paramsType: Type<object>): JsonSchema {
  return classSchema(paramsType, new Set());
}

function classSchema(type: Type<object>, seen: Set<Type<object>>): JsonSchema {
  if (seen.has(type)) throw new Error(`Parameter class ${type.name} refers to itself`);
  const schema = targetConstructorToSchema(type, {
    classTransformerMetadataStorage: defaultMetadataStorage,
  }) as JsonSchema;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, property] of Object.entries(properties)) {
    properties[name] = inlineRefs(property, () => {
      const nested = defaultMetadataStorage.findTypeMetadata(type, name)?.typeFunction();
      if (!nested) throw new Error(`${type.name}.${name} needs @Type(() => Class) for its schema`);
      return classSchema(nested as Type<object>, new Set([...seen, type]));
    });
  }
  return {
    type: 'object',
    properties,
    required: schema.required ?? [],
    additionalProperties: false,
  };
}

function inlineRefs(schema: JsonSchema, resolve: () => JsonSchema): JsonSchema {
  if (typeof schema.$ref === 'string') {
    const { $ref: _ref, ...rest } = schema;
    return { ...rest, ...resolve() };
  }
  if (schema.items && typeof schema.items === 'object') {
    return { ...schema, items: inlineRefs(schema.items as JsonSchema, resolve) };
  }
  return schema;
}

/** A problem with one parameter: where (`params.size.min`) and what. */
export interface ParamIssue {
  path: string;
  message: string;
}

export type ParamsValidation<P> = { ok: true; value: P } | { ok: false; issues: ParamIssue[] };

/**
 * Validates raw step parameters against their class; each problem names its field by path. A
 * NUL character anywhere (which Postgres cannot store, and no real parameter holds) is refused
 * first, on every engine.
 */
export function validateParams<P extends object>(
  paramsType: Type<P>,
  raw: unknown,
): ParamsValidation<P> {
  const input = raw ?? {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [{ path: 'params', message: 'must be an object' }] };
  }
  const nul = findNulCharacter(input, 'params');
  if (nul !== undefined) {
    return { ok: false, issues: [{ path: nul, message: 'must not contain a NUL character' }] };
  }
  const value = plainToInstance(paramsType, input);
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    // A parameter class without decorators (an action without params) is valid as {}.
    forbidUnknownValues: false,
  });
  if (errors.length > 0) return { ok: false, issues: flattenErrors(errors, 'params') };
  return { ok: true, value };
}

function flattenErrors(errors: ValidationError[], prefix: string): ParamIssue[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : `${prefix}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      // class-validator starts most messages with the property name, which the path already says.
      message: message.startsWith(`${error.property} `)
        ? message.slice(error.property.length + 1)
        : message,
    }));
    return [...own, ...flattenErrors(error.children ?? [], path)];
  });
}
