/**
 * Reads an OpenAPI 3.0 document the way Swagger UI's "Try it out" does: the request an operation's
 * examples make (path and query parameters, body), and the statuses and media types it documents.
 * Loosely typed: it walks JSON as the document holds it.
 */

import Ajv from 'ajv';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type OpenApiDocument = { paths: Record<string, Record<string, any>>; [key: string]: any };

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

export interface Operation {
  /** `GET /jobs/{job_id}`. */
  key: string;
  method: string;
  path: string;
  operation: any;
}

/** An example request of an operation. */
export interface ExampleRequest {
  method: string;
  /** The path with its parameters filled in and the query string. */
  url: string;
  contentType?: string;
  /** The body as it goes on the wire: a string, or JSON. */
  body?: unknown;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      key: `${method.toUpperCase()} ${path}`,
      method,
      path,
      operation: item[method],
    })),
  );
}

/** Follows a local `$ref`. */
export function resolve(document: OpenApiDocument, node: any): any {
  if (!node?.$ref) return node;
  const target = (node.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: any, part) => at?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  if (!target) throw new Error(`Unresolved $ref ${node.$ref}`);
  return resolve(document, target);
}

/**
 * The example value of a schema, as Swagger UI composes it: the schema's own example or default,
 * else each property's (all of them, optional ones too), the first of an enum or a oneOf. A leaf
 * with none of those throws, naming where: every value of an example must come from the document.
 */
export function exampleOf(document: OpenApiDocument, node: any, where = 'schema'): unknown {
  const schema = resolve(document, node);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return exampleOf(document, variants[0], `${where}/oneOf/0`);
  if (schema.allOf) {
    return Object.assign(
      {},
      ...schema.allOf.map((part: any, i: number) =>
        exampleOf(document, part, `${where}/allOf/${i}`),
      ),
    );
  }
  if (schema.type === 'array') return [exampleOf(document, schema.items, `${where}/items`)];
  if (schema.type === 'object' || schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([name, property]) => [
        name,
        exampleOf(document, property, `${where}.${name}`),
      ]),
    );
  }
  throw new Error(`No example at ${where}`);
}

/** A parameter's example, as Swagger UI pre-fills it (its example, its schema's, the default). */
export function parameterExample(parameter: any): unknown {
  return parameter.example ?? parameter.schema?.example ?? parameter.schema?.default;
}

/** The example body of each request media type that has one (Swagger UI's "Example Value"). */
export function bodyExamples(
  document: OpenApiDocument,
  operation: any,
): { contentType: string; body: unknown }[] {
  const content: Record<string, any> = resolve(document, operation.requestBody)?.content ?? {};
  return Object.entries(content).flatMap(([contentType, media]) => {
    const named = media.examples ? Object.values(media.examples).map((e: any) => e.value) : [];
    if (media.example !== undefined) named.unshift(media.example);
    if (named.length > 0) return named.map((body) => ({ contentType, body }));
    // A schema composed of property examples is JSON's; a file upload has no example.
    if (!contentType.includes('json')) return [];
    return [{ contentType, body: exampleOf(document, media.schema, `${contentType} body`) }];
  });
}

/**
 * The request the operation's examples make. Path parameters without an example take `values`
 * (what the test created first); a parameter with an example must not be given one.
 */
export function exampleRequest(
  document: OpenApiDocument,
  { method, path, operation }: Operation,
  values: Record<string, string>,
): ExampleRequest {
  const parameters: any[] = (operation.parameters ?? []).map((p: any) => resolve(document, p));
  let url = path;
  const query = new URLSearchParams();
  for (const parameter of parameters) {
    const example = parameterExample(parameter);
    if (parameter.in === 'path') {
      if (example !== undefined && parameter.name in values) {
        throw new Error(`${parameter.name} has an example (${String(example)}): use it`);
      }
      const value = example ?? values[parameter.name];
      if (value === undefined) throw new Error(`No value for path parameter ${parameter.name}`);
      url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    } else if (parameter.in === 'query' && example !== undefined) {
      const style = parameter.style ?? 'form';
      const explode = parameter.explode ?? style === 'form';
      if (Array.isArray(example) && !(style === 'form' && explode)) {
        throw new Error(`${parameter.name}: only repeated array parameters are sent here`);
      }
      for (const item of Array.isArray(example) ? example : [example]) {
        query.append(parameter.name, String(item));
      }
    } else if (parameter.required && example === undefined) {
      throw new Error(`Required ${parameter.in} parameter ${parameter.name} has no example`);
    }
  }
  const search = query.toString();
  return { method, url: search ? `${url}?${search}` : url };
}

/** The 2xx statuses an operation documents. */
export function successStatuses(operation: any): number[] {
  return Object.keys(operation.responses)
    .filter((status) => /^2\d\d$/.test(status))
    .map(Number);
}

/** The media types of a documented response (lower case, without parameters). */
export function mediaTypesOf(document: OpenApiDocument, operation: any, status: number): string[] {
  const response = resolve(document, operation.responses[String(status)]);
  return Object.keys(response?.content ?? {}).map(baseMediaType);
}

export function baseMediaType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

/**
 * Checks a JSON value against the schema a response documents: answers the problems found (none:
 * the value is what the document says). OpenAPI 3.0 schemas become JSON Schema for Ajv: `nullable`
 * admits null, `$ref`s point into the document; formats are not checked.
 */
export function responseChecker(document: OpenApiDocument) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ components: toJsonSchema(document.components) }, 'openapi');
  return (operation: any, status: number, contentType: string, value: unknown): string[] => {
    const response = resolve(document, operation.responses[String(status)]);
    const schema = response?.content?.[contentType]?.schema;
    if (!schema) return [`no schema documented for ${status} ${contentType}`];
    const validate = ajv.compile(toJsonSchema(schema));
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}

function toJsonSchema(node: any): any {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    converted[key] =
      key === '$ref' ? (value as string).replace(/^#/, 'openapi#') : toJsonSchema(value);
  }
  return node.nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}
