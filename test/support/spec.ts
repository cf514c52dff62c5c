// The bundled spec and its callables, read the same way the generator reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { credentialNeed } from '../../codegen/emit-operation';
import { readCallables, type Callable, type OpenApiDocument } from '../../codegen/spec-model';

export const spec = JSON.parse(readFileSync(join(__dirname, '..', '..', 'generated', 'openapi.json'), 'utf8')) as OpenApiDocument;
export const callables: readonly Callable[] = readCallables(spec);

/** Follows a local `#/components/...` reference. */
function resolveRef<T>(value: unknown): T {
  const ref = (value as { $ref?: string } | undefined)?.$ref;
  if (!ref) return value as T;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  return resolveRef<T>(target);
}

interface MediaType {
  example?: unknown;
  examples?: Record<string, unknown>;
}

/** The example the spec gives for an operation's 200 response (what Prism returns). */
export function successExample(c: Callable): unknown {
  const op = (spec.paths[c.path] as Record<string, { responses: Record<string, unknown> }>)[c.method.toLowerCase()]!;
  const response = resolveRef<{ content?: Record<string, MediaType> }>(op.responses['200']);
  if (c.noContent) return undefined;
  const media = response.content?.[c.textResponse ? Object.keys(response.content)[0]! : 'application/json'];
  if (!media) throw new Error(`${c.name}: the 200 response has no application/json content`);
  if (media.example !== undefined) return media.example;
  const key = c.response?.exampleKey;
  const first = key === undefined ? Object.values(media.examples ?? {})[0] : media.examples?.[key];
  if (first === undefined) throw new Error(`${c.name}: the 200 response has no example`);
  return resolveRef<{ value: unknown }>(first).value;
}

export const TEST_CREDENTIALS = {
  apiKey: 'test-api-key-0c6f1a',
  apiSecret: 'test-api-secret-9d27e4b8',
  accessToken: 'test-access-token-5b1e',
  sott: 'test-sott-3f9a',
  m2mToken: 'test-m2m-token-7c4d',
} as const;

/** Params for a valid call of `c`, built from the spec's examples; fails loudly where an example is missing. */
export function exampleParams(c: Callable): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (c.pathParams.length)
    params.path = Object.fromEntries(c.pathParams.map((p) => [p.name, need(c, `path parameter ${p.name}`, p.example)]));
  const query = c.query.filter((q) => q.required || q.example !== undefined);
  if (query.length) params.query = Object.fromEntries(query.map((q) => [q.name, need(c, `query parameter ${q.name}`, q.example)]));
  if (c.body) params.body = need(c, 'request body', c.body.example);
  if (credentialNeed(c, 'accessToken') !== 'never') params.accessToken = TEST_CREDENTIALS.accessToken;
  if (c.security.some((set) => set.includes('sott'))) params.sott = TEST_CREDENTIALS.sott;
  return params;
}

function need(c: Callable, what: string, value: unknown): unknown {
  if (value === undefined) throw new Error(`${c.name}: the spec gives no example for the ${what}`);
  return value;
}

/** Per-call options that make the mock answer with this callable's own example (variants with their own response). */
export function exampleOptions(c: Callable): { headers?: Record<string, string> } {
  return c.response?.exampleKey ? { headers: { Prefer: `example=${c.response.exampleKey}` } } : {};
}
