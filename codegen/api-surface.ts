/**
 * What callers see of each generated function, as plain data: its HTTP call, its parameters (required or
 * not, with their types), the top-level fields of its body and result. Recorded in the spec lock so that the
 * next generation can say what changed for callers, and which changes break them.
 */
import { credentialNeed } from './emit-operation';
import type { Callable, OpenApiDocument, SchemaObject } from './spec-model';

export interface FunctionSurface {
  /** `GET /identity/v2/auth/account` */
  readonly call: string;
  /** Parameters by place and name (`path.uid`, `query.Email`, `accessToken`), with their type; `!` marks required. */
  readonly params: Readonly<Record<string, string>>;
  /** Top-level body fields and their types; `!` marks required. Absent when the function takes no body. */
  readonly body?: Readonly<Record<string, string>>;
  /** Top-level result fields and their types. */
  readonly result: Readonly<Record<string, string>>;
  /** Earlier names still exported as deprecated aliases (absent when none), so a rename is not read as a removal. */
  readonly formerly?: readonly string[];
}

/** Function name → surface, sorted by name so the lock diffs cleanly. */
export type ApiSurface = Readonly<Record<string, FunctionSurface>>;

export function apiSurface(doc: OpenApiDocument, callables: readonly Callable[]): ApiSurface {
  const entries = callables.map((c) => [c.name, functionSurface(doc, c)] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function functionSurface(doc: OpenApiDocument, c: Callable): FunctionSurface {
  const params: Record<string, string> = {};
  for (const p of c.pathParams) params[`path.${p.name}`] = `${p.type}!`;
  for (const q of c.query) params[`query.${q.name}`] = q.required ? `${q.type}!` : q.type;
  const token = credentialNeed(c, 'accessToken');
  if (token !== 'never') params.accessToken = token === 'required' ? 'string!' : 'string';
  if (c.security.some((set) => set.includes('sott'))) params.sott = 'string';
  const surface: {
    call: string;
    params: Record<string, string>;
    body?: Record<string, string>;
    result: Record<string, string>;
    formerly?: readonly string[];
  } = {
    call: `${c.method} ${c.path}`,
    params,
    result: fields(doc, resultSchema(doc, c)),
  };
  if (c.deprecatedNames.length) surface.formerly = [...c.deprecatedNames];
  if (c.body) {
    params.body = c.body.required ? 'object!' : 'object';
    const schema = c.body.schemaName ? { $ref: `#/components/schemas/${c.body.schemaName}` } : bodySchema(doc, c);
    surface.body = fields(doc, schema);
  }
  return surface;
}

function operationOf(doc: OpenApiDocument, c: Callable): Record<string, unknown> {
  return (doc.paths[c.path]?.[c.method.toLowerCase()] ?? {}) as Record<string, unknown>;
}

function bodySchema(doc: OpenApiDocument, c: Callable): SchemaObject | undefined {
  const body = operationOf(doc, c).requestBody as { content?: Record<string, { schema?: SchemaObject }> } | undefined;
  return body?.content?.['application/json']?.schema;
}

function resultSchema(doc: OpenApiDocument, c: Callable): SchemaObject | undefined {
  if (c.response) return { $ref: `#/components/schemas/${c.response.schemaName}` };
  const responses = operationOf(doc, c).responses as Record<string, unknown> | undefined;
  const ok = resolve(doc, responses?.['200'] as SchemaObject | undefined) as
    | { content?: Record<string, { schema?: SchemaObject }> }
    | undefined;
  return ok?.content?.['application/json']?.schema;
}

function resolve(doc: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject | undefined {
  let current = schema;
  for (let depth = 0; current?.$ref && depth < 10; depth++) {
    const path = current.$ref.replace(/^#\//, '').split('/');
    current = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc) as SchemaObject | undefined;
  }
  return current;
}

/** The top-level properties of an object schema (the union of a `oneOf`'s), each with its type; `!` marks required. */
function fields(doc: OpenApiDocument, schema: SchemaObject | undefined): Record<string, string> {
  const resolved = resolve(doc, schema);
  if (!resolved) return {};
  if (resolved.oneOf || resolved.anyOf) {
    const merged: Record<string, string> = {};
    for (const alternative of [...(resolved.oneOf ?? []), ...((resolved.anyOf as SchemaObject[] | undefined) ?? [])]) {
      // Which alternative applies depends on the call, so no field of one is required of all.
      for (const [name, type] of Object.entries(fields(doc, alternative))) merged[name] = type.replace(/!$/, '');
    }
    return sorted(merged);
  }
  const required = new Set((resolved.required as string[] | undefined) ?? []);
  const properties = (resolved.properties ?? {}) as Record<string, SchemaObject>;
  const out: Record<string, string> = {};
  for (const [name, property] of Object.entries(properties)) out[name] = `${typeOf(doc, property)}${required.has(name) ? '!' : ''}`;
  return sorted(out);
}

function typeOf(doc: OpenApiDocument, schema: SchemaObject): string {
  if (schema.$ref) return schema.$ref.split('/').pop()!;
  const type = resolve(doc, schema)?.type;
  return Array.isArray(type) ? (type as readonly string[]).join('|') : ((type as string | undefined) ?? 'any');
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
