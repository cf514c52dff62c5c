/**
 * Reads the bundled OpenAPI document into the model the emitters work from: one {@link Callable} per
 * generated function (each operation, plus one per official-SDK variant listed in `x-lr-sdk-methods`).
 * Pure: no files, no side effects, so it is shared by the generator, the docs emitter and the tests.
 */

import { bodyShape, type BodyShapeData } from './body-shape';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
type ParamType = 'string' | 'boolean' | 'integer' | 'number' | 'array' | 'object';

/** The slice of an OpenAPI 3.1 document the generator reads. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly servers?: readonly { readonly url: string }[];
  /** The API groups; `x-lr-spec-file` (added when bundling) is the `paths/<group>.yaml` file each comes from. */
  readonly tags?: readonly { readonly name: string; readonly description?: string; readonly 'x-lr-spec-file'?: string }[];
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components?: {
    readonly schemas?: Readonly<Record<string, SchemaObject>>;
    readonly securitySchemes?: Readonly<Record<string, unknown>>;
  };
}

export interface SchemaObject {
  readonly type?: string | readonly string[];
  readonly $ref?: string;
  readonly oneOf?: readonly SchemaObject[];
  readonly examples?: readonly unknown[];
  readonly example?: unknown;
  readonly [key: string]: unknown;
}

interface ParameterObject {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly description?: string;
  readonly schema?: SchemaObject;
  readonly example?: unknown;
  readonly 'x-lr-sensitive'?: boolean;
}

interface SdkVariant {
  readonly name: string;
  readonly summary?: string;
  readonly node?: string;
  readonly python?: string;
  readonly body?: string;
  readonly query?: readonly string[];
  readonly requiredQuery?: readonly string[];
  /** The variant's own credential requirements, when narrower than the operation's alternatives. */
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  /** The schema of this variant's 200 response, when the operation's is a `oneOf` of the variants' answers. */
  readonly response?: string;
  /** The key of this variant's entry in the 200 response's `examples`. */
  readonly example?: string;
  /** The ErrorCodes LoginRadius documents for this variant, where its docs page lists them apart from the others'. */
  readonly errorCodes?: readonly number[];
  /** Earlier names of this variant's function, still exported as deprecated aliases. */
  readonly 'x-lr-deprecated-names'?: readonly string[];
}

interface OperationObject {
  readonly operationId?: string;
  readonly tags?: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly servers?: readonly { readonly url: string }[];
  readonly parameters?: readonly (ParameterObject | { $ref: string })[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content?: Readonly<Record<string, { readonly schema?: SchemaObject; readonly example?: unknown }>>;
  };
  readonly responses?: Readonly<Record<string, unknown>>;
  readonly 'x-lr-sdk'?: { readonly node?: string; readonly python?: string };
  readonly 'x-lr-sdk-methods'?: readonly SdkVariant[];
  readonly 'x-lr-idempotent'?: boolean;
  readonly 'x-lr-secret-in-query'?: string;
  readonly 'x-lr-pagination'?: { readonly cursor: string; readonly next: string; readonly items: string };
  readonly 'x-lr-error-codes'?: readonly number[];
  readonly 'x-lr-deprecated-names'?: readonly string[];
}

/** A parameter as one callable sees it. */
export interface ParamModel {
  readonly name: string;
  readonly required: boolean;
  readonly type: ParamType;
  readonly description: string | undefined;
  readonly example: unknown;
  /** True when the value is a credential (a token, an OTP, a password): redacted wherever a request is described. */
  readonly sensitive: boolean;
}

/** One generated function. */
export interface Callable {
  /** The function name. */
  readonly name: string;
  /**
   * Earlier names of the function (`x-lr-deprecated-names`), often the official SDK's spelling: each stays exported
   * as a deprecated alias of the function and of its Params and Result types, so renaming breaks no caller.
   */
  readonly deprecatedNames: readonly string[];
  /** The OpenAPI operationId this function calls. */
  readonly operationId: string;
  /** True for a function generated from an `x-lr-sdk-methods` entry. */
  readonly isVariant: boolean;
  /** For an operation with variants: the variants' function names. */
  readonly variants: readonly string[];
  readonly tag: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly deprecated: boolean;
  /** Alternative credential sets (scheme names). */
  readonly security: readonly (readonly string[])[];
  /** An operation-level server URL. */
  readonly server: string | undefined;
  readonly idempotent: boolean;
  readonly secretInQuery: string | undefined;
  readonly pathParams: readonly ParamModel[];
  readonly query: readonly ParamModel[];
  /** The request body, when the operation takes one. */
  readonly body:
    | {
        readonly required: boolean;
        /** A component schema name when the body is exactly one named schema (always for variants). */
        readonly schemaName: string | undefined;
        readonly example: unknown;
        /** True when LoginRadius documents the body form-encoded (OAuth token endpoints): the client sends it so. */
        readonly form?: boolean;
        /** The body's top level for the runtime's check before sending: one form, or a `oneOf`'s alternatives. */
        readonly shape: BodyShapeData | BodyShapeData[];
      }
    | undefined;
  readonly sdk: { readonly node: string | undefined; readonly python: string | undefined } | undefined;
  /** A variant's own 200 response: its schema name and the key of its example. */
  readonly response: { readonly schemaName: string; readonly exampleKey: string | undefined } | undefined;
  /**
   * The names of the query parameters and body fields (at any depth) that carry credentials, sorted: the
   * runtime redacts their values from every URL, log line, hook description and error.
   */
  readonly sensitive: readonly string[];
  /** How the operation pages (`x-lr-pagination`): the cursor's query parameter, the answer's cursor and items fields. */
  readonly pagination: { readonly cursor: string; readonly next: string; readonly items: string } | undefined;
  /** True when the operation's 200 is text (HTML, XML) rather than JSON: the function resolves to the text. */
  readonly textResponse: boolean;
  /** True when the operation documents a 200 without a body (the function then resolves to `undefined`). */
  readonly noContent: boolean;
  /** The error statuses the spec documents for the operation (4xx and 5xx), ascending. */
  readonly errorStatuses: readonly number[];
  /**
   * The `ErrorCode`s LoginRadius documents for the endpoint (`x-lr-error-codes`; a variant's own `errorCodes`
   * where its docs list them apart), ascending. Empty when LoginRadius lists none.
   */
  readonly errorCodes: readonly number[];
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

/** Every callable of the document, in document order (path order, then GET, POST, PUT, DELETE; variants after their operation). */
export function readCallables(doc: OpenApiDocument): Callable[] {
  const callables: Callable[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method.toLowerCase()] as OperationObject | undefined;
      if (op) callables.push(...callablesOf(doc, path, method, op));
    }
  }
  return callables;
}

function callablesOf(doc: OpenApiDocument, path: string, method: HttpMethod, op: OperationObject): Callable[] {
  const where = `${method} ${path}`;
  if (!op.operationId) throw new Error(`${where}: operationId is missing`);
  const params = (op.parameters ?? []).map((p) => {
    if ('$ref' in p) throw new Error(`${where}: parameter $refs must be bundled inline`);
    return p;
  });
  // In the order the template names them, whatever order the spec lists them in.
  const pathParams = params
    .filter((p) => p.in === 'path')
    .map(toParamModel)
    .sort((a, b) => path.indexOf(`{${a.name}}`) - path.indexOf(`{${b.name}}`));
  const query = params.filter((p) => p.in === 'query').map(toParamModel);
  const json = op.requestBody?.content?.['application/json'];
  const variants = op['x-lr-sdk-methods'] ?? [];
  const base = {
    operationId: op.operationId,
    tag: op.tags?.[0] ?? failOn(where, 'has no tag'),
    method,
    path,
    deprecated: op.deprecated === true,
    security: (op.security ?? []).map((requirement) => Object.keys(requirement)),
    server: op.servers?.[0]?.url,
    idempotent: op['x-lr-idempotent'] === true,
    secretInQuery: op['x-lr-secret-in-query'],
    pagination: paginationOf(where, op, query),
    noContent: op.responses?.['200'] !== undefined && !('content' in (op.responses['200'] as object)),
    textResponse: isTextResponse(op),
    errorStatuses: Object.keys(op.responses ?? {})
      .filter((code) => /^[45]\d\d$/.test(code))
      .map(Number)
      .sort((a, b) => a - b),
    pathParams,
    description: (op.description ?? '').trim(),
    errorCodes: errorCodesOf(where, op['x-lr-error-codes']),
  };
  const operation: Callable = {
    ...base,
    name: op.operationId,
    deprecatedNames: op['x-lr-deprecated-names'] ?? [],
    isVariant: false,
    variants: variants.map((v) => v.name),
    summary: op.summary ?? failOn(where, 'has no summary'),
    query,
    body: json
      ? {
          required: op.requestBody?.required === true,
          schemaName: refName(json.schema),
          example: json.example,
          form: op.requestBody?.content?.['application/x-www-form-urlencoded'] !== undefined,
          shape: bodyShape(doc, json.schema ?? {}, where),
        }
      : undefined,
    sdk: op['x-lr-sdk'] ? { node: op['x-lr-sdk'].node, python: op['x-lr-sdk'].python } : undefined,
    response: undefined,
    sensitive: sensitiveNames(doc, query, json?.schema),
  };
  return [operation, ...variants.map((variant) => variantCallable(doc, where, base, operation, variant))];
}

function variantCallable(
  doc: OpenApiDocument,
  where: string,
  base: Omit<
    Callable,
    'name' | 'deprecatedNames' | 'isVariant' | 'variants' | 'summary' | 'query' | 'body' | 'sdk' | 'response' | 'sensitive'
  >,
  operation: Callable,
  v: SdkVariant,
): Callable {
  const known = new Map(operation.query.map((q) => [q.name, q]));
  const required = new Set(v.requiredQuery ?? []);
  const names = [...new Set([...(v.query ?? []), ...required])];
  const query = names.map((name) => {
    const param = known.get(name) ?? failOn(where, `variant ${v.name} lists unknown query parameter ${name}`);
    return { ...param, required: param.required || required.has(name) };
  });
  let body: Callable['body'];
  if (v.body) {
    const schema = doc.components?.schemas?.[v.body] ?? failOn(where, `variant ${v.name} names unknown schema ${v.body}`);
    body = {
      required: true,
      schemaName: v.body,
      example: schema.examples?.[0] ?? schema.example,
      form: operation.body?.form,
      shape: bodyShape(doc, schema, `${where} (${v.name})`),
    };
  } else if (operation.body?.required) {
    failOn(where, `variant ${v.name} needs a body schema`);
  }
  const security = v.security ? v.security.map((requirement) => Object.keys(requirement)) : base.security;
  if (v.response !== undefined && !doc.components?.schemas?.[v.response])
    failOn(where, `variant ${v.name} names unknown response schema ${v.response}`);
  return {
    ...base,
    security,
    errorCodes: v.errorCodes === undefined ? base.errorCodes : errorCodesOf(`${where} variant ${v.name}`, v.errorCodes),
    name: v.name,
    deprecatedNames: v['x-lr-deprecated-names'] ?? [],
    isVariant: true,
    variants: [],
    summary: v.summary ?? operation.summary,
    query,
    body,
    sdk: { node: v.node, python: v.python },
    response: v.response === undefined ? undefined : { schemaName: v.response, exampleKey: v.example },
    sensitive: sensitiveNames(doc, query, v.body ? { $ref: `#/components/schemas/${v.body}` } : undefined),
  };
}

function toParamModel(p: ParameterObject): ParamModel {
  return {
    name: p.name,
    required: p.required === true,
    type: paramType(p.schema),
    description: p.description,
    example: p.example ?? p.schema?.examples?.[0] ?? p.schema?.example,
    sensitive: p['x-lr-sensitive'] === true,
  };
}

/** The sensitive query parameters' names plus every body property marked `x-lr-sensitive`, at any depth. */
function sensitiveNames(doc: OpenApiDocument, query: readonly ParamModel[], body: SchemaObject | undefined): string[] {
  const names = new Set(query.filter((q) => q.sensitive).map((q) => q.name));
  const seen = new Set<SchemaObject>();
  const visit = (schema: SchemaObject | undefined): void => {
    if (schema === undefined || seen.has(schema)) return;
    seen.add(schema);
    const name = refName(schema);
    if (name !== undefined) {
      visit(doc.components?.schemas?.[name]);
      return;
    }
    const properties = (schema.properties ?? {}) as Record<string, SchemaObject>;
    for (const [key, property] of Object.entries(properties)) {
      if (property['x-lr-sensitive'] === true) names.add(key);
      visit(property);
    }
    for (const list of [schema.oneOf, schema.anyOf, schema.allOf] as (readonly SchemaObject[] | undefined)[]) list?.forEach(visit);
    for (const key of ['items', 'additionalProperties'] as const) {
      const nested = schema[key];
      if (nested !== null && typeof nested === 'object') visit(nested as SchemaObject);
    }
  };
  visit(body);
  return [...names].sort();
}

function paramType(schema: SchemaObject | undefined): ParamType {
  const type = Array.isArray(schema?.type) ? schema.type.find((t: string) => t !== 'null') : schema?.type;
  switch (type) {
    case 'boolean':
    case 'integer':
    case 'number':
    case 'array':
    case 'object':
      return type;
    default:
      return 'string';
  }
}

function refName(schema: SchemaObject | undefined): string | undefined {
  const match = /^#\/components\/schemas\/(.+)$/.exec(schema?.$ref ?? '');
  return match?.[1];
}

function failOn(where: string, problem: string): never {
  throw new Error(`${where}: ${problem}`);
}

/** A list of documented ErrorCodes, checked (integers, no repeats) and sorted. */
function errorCodesOf(where: string, codes: readonly number[] | undefined): readonly number[] {
  if (codes === undefined) return [];
  if (!codes.every(Number.isInteger) || new Set(codes).size !== codes.length) failOn(where, 'error codes must be distinct integers');
  return [...codes].sort((a, b) => a - b);
}

/** The operation's `x-lr-pagination`, checked: the cursor must be one of its query parameters. */
function paginationOf(where: string, op: OperationObject, query: readonly ParamModel[]): Callable['pagination'] {
  const pagination = op['x-lr-pagination'];
  if (pagination === undefined) return undefined;
  if (!query.some((q) => q.name === pagination.cursor))
    failOn(where, `x-lr-pagination names the cursor ${pagination.cursor}, which is not a query parameter`);
  return { cursor: pagination.cursor, next: pagination.next, items: pagination.items };
}

/** A 200 whose documented content has no JSON form (an HTML page, an XML document). */
function isTextResponse(op: OperationObject): boolean {
  const content = (op.responses?.['200'] as { content?: Record<string, unknown> } | undefined)?.content;
  return content !== undefined && Object.keys(content).length > 0 && content['application/json'] === undefined;
}
