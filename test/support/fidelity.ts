// Compares the spec with LoginRadius's public OpenAPI description (reduced to facts in
// test/fixtures/public-spec-operations.tsv and public-spec-schemas.tsv): every documented query parameter,
// header, body field and top-level response field must be in the spec, with the same type and required flag,
// spelt the same but for case. An operation records a deliberate difference in `x-lr-differs`
// (`{ <name>: <reason> }`), and the comparison accepts it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

/** One documented input or field the spec lacks or describes differently. */
export interface FidelityGap {
  /** The spec file (`x-lr-spec-file` of the operation's tag), or `(missing)` when the operation is not in the spec. */
  readonly file: string;
  readonly operation: string;
  /** `METHOD /path` as LoginRadius documents it. */
  readonly endpoint: string;
  readonly kind: 'operation' | 'query' | 'header' | 'body' | 'response';
  readonly name: string;
  readonly problem: string;
}

interface PublicField {
  readonly name: string;
  readonly type: string;
  readonly enum?: readonly string[] | undefined;
  readonly required: boolean;
}

/** `array<string>` → `array`; `string[a|b]` → `string`; `string/email` (a format) → `string`. */
const baseType = (type: string): string => type.replace(/[<[/].*$/, '');
/** `string[a|b]` → `['a', 'b']`. */
const enumOf = (type: string): string[] | undefined => /\[(.*)\]$/.exec(type)?.[1]?.split('|');

interface PublicOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly query: readonly PublicField[];
  readonly headers: readonly PublicField[];
  readonly bodySchemas: readonly string[];
  readonly inlineBody: readonly PublicField[];
  readonly responseSchemas: readonly string[];
  readonly inlineResponse: readonly PublicField[];
}

const FIXTURES = join(__dirname, '..', 'fixtures');

function readTsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(FIXTURES, file), 'utf8').split('\n').filter(Boolean);
  const names = header!.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((cell, i) => [names[i]!, cell])));
}

/** `name*:type, other:type` → fields (a `*` marks a required one). */
function parseFields(cell: string | undefined): PublicField[] {
  if (!cell) return [];
  return cell
    .split(/,\s*(?![^<{(]*[>})])/)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const colon = item.indexOf(':');
      const rawName = colon < 0 ? item : item.slice(0, colon);
      const type = colon < 0 ? '' : item.slice(colon + 1);
      return { name: rawName.replace(/\*$/, ''), type: baseType(type), enum: enumOf(type), required: rawName.endsWith('*') };
    });
}

/** `200 application/json: oneOf(A, B)` or `application/json: A` or `{Data:array<X>}` → schema names and inline fields. */
function parseSchemaCell(cell: string | undefined): { schemas: string[]; inline: PublicField[] } {
  if (!cell) return { schemas: [], inline: [] };
  const json = cell.split(' ; ').find((part) => part.includes('application/json')) ?? cell;
  const body = json.slice(json.indexOf('application/json:') + 'application/json:'.length).trim();
  if (body.startsWith('{')) return { schemas: [], inline: parseFields(body.slice(1, -1)) };
  const inner = /^(?:oneOf|allOf|anyOf)\((.*)\)$/.exec(body)?.[1] ?? body;
  return { schemas: inner.split(/,\s*/).filter((name) => /^[A-Za-z0-9_.]+$/.test(name)), inline: [] };
}

function readPublicOperations(): PublicOperation[] {
  return readTsv('public-spec-operations.tsv').map((row) => {
    const body = parseSchemaCell(row.request_body);
    const response = parseSchemaCell(row.response_2xx_schema);
    return {
      operationId: row.operationId!,
      method: row.method!,
      path: row.path!,
      query: parseFields(row.query_params),
      headers: parseFields(row.header_params),
      bodySchemas: body.schemas,
      inlineBody: body.inline,
      responseSchemas: response.schemas,
      inlineResponse: response.inline,
    };
  });
}

let schemaFields: Map<string, PublicField[]> | undefined;

/** The top-level fields of one of LoginRadius's public schemas. */
function publicSchemaFields(name: string): PublicField[] {
  schemaFields ??= readTsv('public-spec-schemas.tsv').reduce((map, row) => {
    const fields = map.get(row.schema!) ?? [];
    if (row.field && /^[^(.[]+$/.test(row.field))
      fields.push({
        name: row.field,
        type: baseType(row.type ?? ''),
        enum: row.enum ? row.enum.split('|') : undefined,
        required: row.required === 'yes',
      });
    return map.set(row.schema!, fields);
  }, new Map<string, PublicField[]>());
  return schemaFields.get(name) ?? [];
}

/**
 * Credentials are security schemes, not parameters (spec/README.md); PreventWebhook is a client and per-call
 * option. The comparison skips what the runtime sends for every operation.
 */
const RUNTIME_QUERY = new Set(['apikey', 'apisecret', 'key', 'secret', 'sott', 'prevent_webhook', 'client_id', 'client_secret']);
const RUNTIME_HEADERS = new Set([
  'x-loginradius-sott',
  'x-preventwebhook',
  'x-loginradius-apikey',
  'x-loginradius-apisecret',
  'authorization',
]);

/**
 * Endpoints LoginRadius's public description documents as one template that the spec, like the SDKs and the
 * docs, spells out per value (one operation per provider or per factor), so that each is typed exactly.
 */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  'GET /api/v2/access_token/{nativeProvider}': 'one operation per provider in spec/paths/native-social.yaml',
  'PUT /identity/v2/auth/account/reauth/2fa/{type}': 'one operation per second factor in spec/paths/re-authentication.yaml',
  'PUT /identity/v2/auth/pin/reset/otp/{type}':
    "the SDKs' /pin/reset/otp/email, /phone and /username in spec/paths/pin-authentication.yaml",
};

const pathKey = (method: string, path: string): string => `${method.toUpperCase()} ${path.toLowerCase().replace(/\{[^}]+\}/g, '{}')}`;

function resolve(spec: Json, node: unknown): Json {
  let current = node as Json | undefined;
  for (let i = 0; current && typeof current.$ref === 'string' && i < 20; i++) {
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .reduce<unknown>((n, key) => (n as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec) as Json;
  }
  return current ?? {};
}

interface SpecField {
  readonly type: string | undefined;
  readonly required: boolean;
}

/** Top-level properties of a schema, through `$ref`, `allOf`, `oneOf` and `anyOf` (a field of any alternative counts). */
function specProperties(spec: Json, schema: unknown, into = new Map<string, SpecField>(), depth = 0): Map<string, SpecField> {
  const s = resolve(spec, schema);
  if (depth > 10) return into;
  const required = new Set((s.required as string[] | undefined) ?? []);
  for (const [name, prop] of Object.entries((s.properties as Json | undefined) ?? {})) {
    const resolved = resolve(spec, prop);
    const type = Array.isArray(resolved.type)
      ? (resolved.type as string[]).find((t) => t !== 'null')
      : (resolved.type as string | undefined);
    into.set(name.toLowerCase(), { type, required: required.has(name) || into.get(name.toLowerCase())?.required === true });
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const)
    for (const part of (s[key] as unknown[] | undefined) ?? []) specProperties(spec, part, into, depth + 1);
  return into;
}

const JSON_TYPES = new Set(['string', 'boolean', 'integer', 'number', 'array', 'object']);

/** Integer and number are one JSON type to a caller; a documented type that names a schema is an object. */
function sameType(documented: string, ours: string | undefined): boolean {
  const expected = JSON_TYPES.has(documented) ? documented : documented ? 'object' : '';
  const numeric = (t: string | undefined) => (t === 'integer' ? 'number' : t);
  return !expected || !ours || numeric(expected) === numeric(ours);
}

/** Every documented input or field of LoginRadius's public description that the spec lacks or types differently. */
export function fidelityGaps(spec: Json): FidelityGap[] {
  const paths = spec.paths as Record<string, Record<string, Json>>;
  const tags = (spec.tags as { name: string; 'x-lr-spec-file'?: string }[] | undefined) ?? [];
  const fileOf = new Map(tags.map((t) => [t.name, t['x-lr-spec-file'] ?? t.name]));
  const ours = new Map<string, { op: Json; item: Json }>();
  for (const [path, item] of Object.entries(paths))
    for (const method of ['get', 'post', 'put', 'delete', 'patch'])
      if (item[method]) ours.set(pathKey(method, path), { op: item[method] as Json, item: item as Json });
  const gaps: FidelityGap[] = [];
  for (const documented of readPublicOperations()) {
    const endpoint = `${documented.method} ${documented.path}`;
    if (SPELLED_OUT[endpoint]) continue;
    const found = ours.get(pathKey(documented.method, documented.path));
    if (!found) {
      gaps.push({
        file: '(missing)',
        operation: documented.operationId,
        endpoint,
        kind: 'operation',
        name: documented.operationId,
        problem: 'not in the spec',
      });
      continue;
    }
    const { op, item } = found;
    const file = fileOf.get(((op.tags as string[] | undefined) ?? [])[0] ?? '') ?? '(untagged)';
    const differs = new Map(
      Object.entries((op['x-lr-differs'] as Record<string, string> | undefined) ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const gap = (kind: FidelityGap['kind'], name: string, problem: string): void => {
      if (!differs.has(name.toLowerCase())) gaps.push({ file, operation: op.operationId as string, endpoint, kind, name, problem });
    };
    const params = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map((p) => resolve(spec, p));
    const byIn = (where: string) =>
      new Map(params.filter((p) => p.in === where).map((p) => [(p.name as string).toLowerCase(), p] as const));
    const query = byIn('query');
    const schemes = ((spec.components as Json | undefined)?.securitySchemes ?? {}) as Record<string, { in?: string; name?: string }>;
    const credentialQuery = new Set(
      ((op.security as Record<string, unknown>[] | undefined) ?? [])
        .flatMap((set) => Object.keys(set))
        .filter((scheme) => schemes[scheme]?.in === 'query')
        .map((scheme) => schemes[scheme]!.name!.toLowerCase()),
    );
    for (const q of documented.query) {
      if (RUNTIME_QUERY.has(q.name.toLowerCase()) || credentialQuery.has(q.name.toLowerCase())) continue;
      const mine = query.get(q.name.toLowerCase());
      if (!mine) gap('query', q.name, 'missing');
      else {
        const type = (resolve(spec, mine.schema) as Json).type as string | undefined;
        if (!sameType(q.type, type)) gap('query', q.name, `type ${type ?? 'none'}, documented ${q.type}`);
        if (q.required && mine.required !== true) gap('query', q.name, 'documented as required');
        const values = (resolve(spec, mine.schema) as Json).enum as unknown[] | undefined;
        const lost = (q.enum ?? []).filter((v) => !values?.map(String).includes(v));
        if (values && lost.length) gap('query', q.name, `enum lacks ${lost.join(', ')}`);
        if (q.enum && !values) gap('query', q.name, `documented enum ${q.enum.join(' | ')}`);
      }
    }
    const headers = byIn('header');
    for (const h of documented.headers) {
      if (RUNTIME_HEADERS.has(h.name.toLowerCase())) continue;
      if (!headers.has(h.name.toLowerCase())) gap('header', h.name, 'missing');
    }
    const bodyFields = [...documented.inlineBody, ...documented.bodySchemas.flatMap(publicSchemaFields)];
    if (bodyFields.length) {
      const content = (resolve(spec, op.requestBody).content as Record<string, Json> | undefined) ?? {};
      const mine = specProperties(spec, content['application/json']?.schema);
      for (const f of bodyFields) {
        if (RUNTIME_QUERY.has(f.name.toLowerCase())) continue;
        const field = mine.get(f.name.toLowerCase());
        if (!field) gap('body', f.name, 'missing');
        else if (!sameType(f.type, field.type)) gap('body', f.name, `type ${field.type ?? 'none'}, documented ${f.type}`);
      }
    }
    const responseFields = [...documented.inlineResponse, ...documented.responseSchemas.flatMap(publicSchemaFields)];
    if (responseFields.length) {
      const ok = resolve(spec, (op.responses as Json)['200']);
      const content = (ok.content as Record<string, Json> | undefined) ?? {};
      const mine = specProperties(spec, content['application/json']?.schema);
      for (const f of responseFields) if (!mine.has(f.name.toLowerCase())) gap('response', f.name, 'missing');
    }
  }
  return gaps;
}
