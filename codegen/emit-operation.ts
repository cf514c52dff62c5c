/**
 * Emits the code of one callable: its operation data, its Params and Result types, and the function.
 * Each emitter returns a ts-morph structure; nothing here touches files.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from 'ts-morph';
import type { ErrorCodeEntry } from './emit-error-codes';
import { describeCall, descriptorName, typePrefix } from './names';
import type { Callable, ParamModel } from './spec-model';
import { quote, tsLiteralBlock } from './ts-literal';

/** `const loginByEmailOperation: OperationDescriptor = { … }`: the data the runtime needs. */
export function emitDescriptor(c: Callable): VariableStatementStructure {
  const data = {
    id: c.name,
    method: c.method,
    path: c.path,
    security: c.security,
    pathParams: c.pathParams.length ? c.pathParams.map((p) => p.name) : undefined,
    query: c.query.length
      ? Object.fromEntries(c.query.map((q) => [q.name, q.required ? { type: q.type, required: true } : { type: q.type }]))
      : undefined,
    body: c.body ? (c.body.required ? 'required' : 'optional') : undefined,
    bodyEncoding: c.body?.form ? 'form' : undefined,
    bodyShape: c.body?.shape,
    idempotent: c.idempotent ? true : undefined,
    server: c.server,
    sensitive: c.sensitive.length ? c.sensitive : undefined,
    noContent: c.noContent ? true : undefined,
    textResponse: c.textResponse ? true : undefined,
  };
  // Function references, not data: operations that take a body or need a SOTT bring the code with them.
  const functions = [c.body && '  checkBody: bodyProblem,\n', needsSott(c) && '  generateSott: createSottGenerator,\n']
    .filter(Boolean)
    .join('');
  const initializer = tsLiteralBlock(data).replace(/\}$/, `${functions}}`);
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: descriptorName(c.name), type: 'OperationDescriptor', initializer }],
    leadingTrivia: '\n',
  };
}

/** The operation's type in openapi-typescript's `operations` map. */
function operationType(c: Callable): string {
  return `operations[${quote(c.operationId)}]`;
}

/**
 * `interface LoginByEmailParams { … }`: exactly what this function accepts. A function that takes nothing
 * gets `Record<string, never>`, so passing it a parameter is a compile error as well as a runtime one.
 */
export function emitParamsType(c: Callable): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const properties: OptionalKind<PropertySignatureStructure>[] = [];
  if (c.pathParams.length) {
    properties.push({
      name: 'path',
      type: `PathOf<${operationType(c)}>`,
      docs: [`Path parameters: ${c.pathParams.map((p) => p.name).join(', ')}.`],
    });
  }
  if (c.query.length) {
    properties.push({ name: 'query', hasQuestionToken: !c.query.some((q) => q.required), type: queryType(c), docs: [queryDoc(c.query)] });
  }
  if (c.body) {
    const type =
      c.isVariant || c.body.schemaName ? `components['schemas'][${quote(c.body.schemaName!)}]` : `JsonBodyOf<${operationType(c)}>`;
    properties.push({ name: 'body', hasQuestionToken: !c.body.required, type, docs: ['The JSON request body.'] });
  }
  const token = credentialNeed(c, 'accessToken');
  if (token !== 'never') {
    properties.push({
      name: 'accessToken',
      hasQuestionToken: token === 'optional',
      type: 'string',
      docs: [
        c.security.some((set) => set.includes('accessTokenInQuery'))
          ? "The signed-in user's access token (sent as the `access_token` query parameter)."
          : "The signed-in user's access token (sent as a Bearer token).",
      ],
    });
  }
  const sott = credentialNeed(c, 'sott');
  if (sott !== 'never') {
    // Optional even where required: a client with the API secret generates the SOTT itself.
    properties.push({
      name: 'sott',
      hasQuestionToken: true,
      type: 'string',
      docs: [
        'A Secure One-Time Token for this registration. Generated automatically when the client has the API secret; required otherwise.',
      ],
    });
  }
  if (properties.length === 0) {
    return {
      kind: StructureKind.TypeAlias,
      leadingTrivia: '\n',
      name: `${typePrefix(c.name)}Params`,
      isExported: true,
      docs: [`Parameters of ${linkTo(c)}: it takes none.`],
      type: 'Record<string, never>',
    };
  }
  return {
    kind: StructureKind.Interface,
    leadingTrivia: '\n',
    name: `${typePrefix(c.name)}Params`,
    isExported: true,
    docs: [`Parameters of ${linkTo(c)}.`],
    properties,
  };
}

/** `type LoginByEmailResult = …`: what the function resolves to. */
export function emitResultType(c: Callable): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: `${typePrefix(c.name)}Result`,
    isExported: true,
    docs: [`What ${linkTo(c)} resolves to.`],
    type: c.response
      ? `components['schemas'][${quote(c.response.schemaName)}]`
      : c.textResponse
        ? 'string'
        : `JsonResultOf<${operationType(c)}>`,
  };
}

/** The exported function: JSDoc from the spec (and the error codes LoginRadius documents for it), then one call into the client. */
export function emitFunction(c: Callable, errors: readonly ErrorCodeEntry[] = []): FunctionDeclarationStructure {
  const params = `${typePrefix(c.name)}Params`;
  return {
    kind: StructureKind.Function,
    name: c.name,
    isExported: true,
    docs: [functionDoc(c, errors)],
    parameters: [
      { name: 'client', type: 'LoginRadiusClient' },
      paramsAreOptional(c) ? { name: 'params', type: params, initializer: '{}' } : { name: 'params', type: params },
      { name: 'options', type: 'RequestOptions', hasQuestionToken: true },
    ],
    returnType: `Promise<${typePrefix(c.name)}Result>`,
    statements: [`return client.call(${descriptorName(c.name)}, params, options);`],
  };
}

/**
 * For each earlier name of the function (`x-lr-deprecated-names`): a deprecated alias of the function and of its
 * Params and Result types. Plain re-bindings, so a bundler drops the ones nobody imports, and code written against
 * the old name (often the official SDK's spelling) keeps compiling, with an editor hint pointing at the new one.
 */
export function emitDeprecatedAliases(c: Callable): (VariableStatementStructure | TypeAliasDeclarationStructure)[] {
  return c.deprecatedNames.flatMap((old) => [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      // `@alias` tells knip the second export of one function is deliberate.
      docs: [`\`${old}\`, the earlier name of ${linkTo(c)}.\n@deprecated Use ${linkTo(c)}: the same call, spelled consistently.\n@alias`],
      declarations: [{ name: old, initializer: c.name }],
      leadingTrivia: '\n',
    },
    ...(['Params', 'Result'] as const).map(
      (suffix): TypeAliasDeclarationStructure => ({
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: `${typePrefix(old)}${suffix}`,
        docs: [`The earlier name of {@link ${typePrefix(c.name)}${suffix}}.\n@deprecated Use {@link ${typePrefix(c.name)}${suffix}}.`],
        type: `${typePrefix(c.name)}${suffix}`,
      }),
    ),
  ]);
}

/** True when every credential alternative of the callable needs a SOTT. */
export function needsSott(c: Callable): boolean {
  return c.security.length > 0 && c.security.every((set) => set.includes('sott'));
}

/** True when a call can be made with no params at all. */
export function paramsAreOptional(c: Callable): boolean {
  return (
    c.pathParams.length === 0 && !c.query.some((q) => q.required) && !c.body?.required && credentialNeed(c, 'accessToken') !== 'required'
  );
}

/** Whether every, some or none of the operation's credential alternatives need a per-call credential. */
export function credentialNeed(c: Callable, scheme: 'accessToken' | 'sott'): 'required' | 'optional' | 'never' {
  // The user's access token travels as a Bearer token (`accessToken`) or, where LoginRadius documents only that, as
  // the `access_token` query parameter (`accessTokenInQuery`): either way the caller passes `params.accessToken`.
  const schemes = scheme === 'accessToken' ? ['accessToken', 'accessTokenInQuery'] : [scheme];
  const uses = c.security.filter((set) => set.some((s) => schemes.includes(s))).length;
  if (uses === 0) return 'never';
  return uses === c.security.length ? 'required' : 'optional';
}

function queryType(c: Callable): string {
  const all = `QueryOf<${operationType(c)}>`;
  if (!c.isVariant) return all;
  const names = (list: readonly ParamModel[]): string => list.map((q) => quote(q.name)).join(' | ');
  const picked = `Pick<${all}, ${names(c.query)}>`;
  // A variant may require a parameter the shared operation leaves optional (e.g. Email for checkEmailAvailability).
  const tightened = c.query.filter((q) => q.required);
  return tightened.length ? `${picked} & Required<Pick<${all}, ${names(tightened)}>>` : picked;
}

function queryDoc(query: readonly ParamModel[]): string {
  const required = query.filter((q) => q.required).map((q) => q.name);
  return required.length ? `Query parameters (required: ${required.join(', ')}).` : 'Query parameters.';
}

function functionDoc(c: Callable, errors: readonly ErrorCodeEntry[]): string {
  const lines: string[] = [c.summary];
  if (c.description) lines.push('', c.description);
  if (c.isVariant) lines.push('', `A typed variant of \`${c.operationId}\` (same endpoint).`);
  if (c.variants.length) lines.push('', `Typed variants: ${c.variants.map((v) => `{@link ${v}}`).join(', ')}.`);
  lines.push('', describeCall(c));
  const sdk = [c.sdk?.node && `Node \`${c.sdk.node}\``, c.sdk?.python && `Python \`${c.sdk.python}\``].filter(Boolean);
  if (sdk.length) lines.push(`Official SDKs: ${sdk.join(', ')}.`);
  if (errors.length)
    lines.push(
      '',
      documentedErrorsLine(errors, (e) => `\`${e.name}\``),
    );
  lines.push('', '@throws {@link LoginRadiusValidationError} before anything is sent, when a parameter or option is missing or malformed.');
  for (const [error, when] of apiErrors(c.errorStatuses)) lines.push(`@throws {@link ${error}} ${when}`);
  lines.push(
    '@throws {@link LoginRadiusConnectionError}, {@link LoginRadiusTimeoutError}, {@link LoginRadiusAbortError} or {@link LoginRadiusResponseTooLargeError} when no usable answer arrives.',
  );
  if (c.deprecated) lines.push('@deprecated LoginRadius keeps this endpoint for older integrations; see the description.');
  return lines.join('\n').replace(/\*\//g, '*\\/');
}

/**
 * "LoginRadius documents these error codes: `INVALID_CREDENTIALS` (966), …": the names a caller tests `error.code`
 * against. Shared with docs/API.md, which links each name to its row in docs/ERRORS.md.
 */
export function documentedErrorsLine(errors: readonly ErrorCodeEntry[], name: (e: ErrorCodeEntry) => string): string {
  return `LoginRadius documents these error codes: ${errors.map((e) => `${name(e)} (${e.code})`).join(', ')}.`;
}

const STATUS_ERRORS: Record<number, readonly [string, string]> = {
  400: ['LoginRadiusBadRequestError', 'when LoginRadius rejects a parameter or the body (HTTP 400).'],
  401: ['LoginRadiusAuthenticationError', 'when a credential is missing or wrong (HTTP 401).'],
  403: ['LoginRadiusPermissionDeniedError', 'when LoginRadius refuses the call, e.g. an invalid or expired token (HTTP 403).'],
  404: ['LoginRadiusNotFoundError', 'when the resource does not exist (HTTP 404).'],
  429: ['LoginRadiusRateLimitError', 'when rate limited (HTTP 429), after the retries the server allows.'],
};

/** The error classes for the statuses the spec documents; any other error answer is a plain {@link LoginRadiusApiError}. */
function apiErrors(statuses: readonly number[]): (readonly [string, string])[] {
  const out = statuses.flatMap((status) => (STATUS_ERRORS[status] ? [STATUS_ERRORS[status]!] : []));
  if (statuses.some((status) => status >= 500)) out.push(['LoginRadiusServerError', 'when LoginRadius fails (HTTP 5xx).']);
  out.push(['LoginRadiusApiError', 'for any other error answer, including HTTP 200 with a non-zero `ErrorCode`.']);
  return out;
}

/**
 * A doc link to the callable's function. A paginated function also carries `pagination` (a property assigned to
 * it), which makes its name a merged declaration that `{@link}` cannot resolve, so it is named in code font.
 */
function linkTo(c: Callable): string {
  return c.pagination ? `\`${c.name}\`` : `{@link ${c.name}}`;
}
