// What an operation's error responses may answer: LoginRadius error bodies of catalogued codes, under each code's
// documented status, among the codes documented for the endpoint, and never about a credential the call does not send.
import type { ErrorCodeEntry } from '../../codegen/emit-error-codes';

type Json = Record<string, unknown>;

/** The statuses whose examples name a LoginRadius `ErrorCode`. */
const STATUSES = ['400', '401', '403'] as const;

/** Codes about one credential, and the schemes that carry it: a call without one of them never answers the code. */
const CREDENTIAL_CODES: readonly { readonly codes: readonly number[]; readonly schemes: readonly string[]; readonly what: string }[] = [
  { what: "the user's access token", codes: [905, 906, 1060, 1120], schemes: ['accessToken', 'accessTokenInQuery'] },
  { what: 'an access token', codes: [2024], schemes: ['accessToken', 'accessTokenInQuery', 'm2mToken'] },
  { what: 'the API secret', codes: [902, 921, 923], schemes: ['apiSecret', 'restHookApiSecret', 'socialApiSecret'] },
  { what: 'a request signature', codes: [1207, 1208, 1209, 1210, 1211, 1212], schemes: ['requestSignature'] },
  { what: 'a SOTT', codes: [1048, 1049], schemes: ['sott'] },
  { what: 'the API key', codes: [901, 920, 922], schemes: ['apiKey', 'apiKeyHeader', 'socialApiKey', 'restHookApiKey'] },
];

const BODY_MEMBERS = ['Description', 'ErrorCode', 'IsProviderError', 'Message', 'ProviderErrorResponse'];

/** True when `code` is about a credential none of the operation's requirements sends. */
function misfitsCredentials(code: number, schemes: ReadonlySet<string>): string | undefined {
  const rule = CREDENTIAL_CODES.find((r) => r.codes.includes(code));
  return rule && !rule.schemes.some((s) => schemes.has(s)) ? rule.what : undefined;
}

/** One named error example of an operation's response. */
export interface ErrorExample {
  readonly status: number;
  readonly name: string;
  readonly body: Json;
}

/** The named examples of an operation's 400, 401 and 403 responses, `$ref`s resolved, in the order the mock tries them. */
export function errorExamples(doc: Json, op: Json): ErrorExample[] {
  const responses = (op.responses ?? {}) as Json;
  return STATUSES.flatMap((status) => {
    const response = resolve(doc, responses[status]);
    const media = ((response?.content ?? {}) as Json)['application/json'] as Json | undefined;
    const examples = (media?.examples ?? {}) as Json;
    return Object.entries(examples).map(([name, example]) => ({
      status: Number(status),
      name,
      body: resolve(doc, example)?.value as Json,
    }));
  });
}

/** Every broken rule of every operation's error responses, as readable lines (none: the spec is right). */
export function errorResponseProblems(doc: Json, catalogue: ReadonlyMap<number, ErrorCodeEntry>): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json) as [string, Json][]) {
      if (typeof op !== 'object' || op === null || !('operationId' in op)) continue;
      const where = `${method.toUpperCase()} ${path} (${String(op.operationId)})`;
      const schemes = new Set(((op.security ?? []) as Json[]).flatMap((requirement) => Object.keys(requirement)));
      const documented = op['x-lr-error-codes'] as number[] | undefined;
      const examples = errorExamples(doc, op);
      const responses = (op.responses ?? {}) as Json;
      // A response with a body names its examples; only a refused M2M token has none (LoginRadius documents no body).
      for (const status of STATUSES) {
        const content = resolve(doc, responses[status])?.content;
        if (content !== undefined && !examples.some((e) => e.status === Number(status)))
          problems.push(`${where}: ${status} has no named example`);
      }
      if (!examples.some((e) => e.status === 403)) problems.push(`${where}: no 403 example`);
      for (const { status, name, body } of examples) {
        const code = body?.ErrorCode as number;
        const entry = catalogue.get(code);
        const at = `${where} ${status} ${name}`;
        if (!entry) {
          problems.push(`${at}: ErrorCode ${code} is not in spec/error-codes.yaml`);
          continue;
        }
        if (Object.keys(body).sort().join() !== BODY_MEMBERS.join()) problems.push(`${at}: not LoginRadius's five-member error body`);
        if (name !== entry.name) problems.push(`${at}: named ${name}, but ${code} is ${entry.name}`);
        if (status !== entry.status) problems.push(`${at}: ${code} is documented as HTTP ${entry.status}`);
        if (body.Message !== entry.message) problems.push(`${at}: Message is not the catalogue's "${entry.message}"`);
        if (documented && !documented.includes(code)) problems.push(`${at}: ${code} is not among the operation's x-lr-error-codes`);
        const misfit = misfitsCredentials(code, schemes);
        if (misfit) problems.push(`${at}: ${code} is about ${misfit}, which the operation does not take`);
      }
      // A documented operation lets the mock answer each documented code that fits the call.
      for (const code of documented ?? []) {
        const entry = catalogue.get(code);
        if (!entry || !STATUSES.includes(String(entry.status) as (typeof STATUSES)[number]) || misfitsCredentials(code, schemes)) continue;
        if (!examples.some((e) => e.name === entry.name)) problems.push(`${where}: documented ${code} ${entry.name} has no example`);
      }
    }
  }
  return problems;
}

function resolve(doc: Json, value: unknown): Json | undefined {
  const ref = (value as { $ref?: string } | undefined)?.$ref;
  if (!ref) return value as Json | undefined;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return resolve(doc, target);
}
