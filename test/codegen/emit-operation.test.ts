import { Project, type StatementStructures } from 'ts-morph';
import { describe, expect, test } from 'vitest';
import {
  credentialNeed,
  emitDeprecatedAliases,
  emitDescriptor,
  emitFunction,
  emitParamsType,
  emitResultType,
  paramsAreOptional,
} from '../../codegen/emit-operation';
import type { Callable } from '../../codegen/spec-model';

const base: Callable = {
  name: 'getThing',
  deprecatedNames: [],
  operationId: 'getThing',
  isVariant: false,
  variants: [],
  tag: 'Account',
  method: 'GET',
  path: '/things/{uid}',
  summary: 'Read a thing.',
  description: 'Reads it.',
  deprecated: false,
  security: [['apiKey', 'apiSecret']],
  server: undefined,
  idempotent: true,
  secretInQuery: undefined,
  noContent: false,
  textResponse: false,
  pagination: undefined,
  pathParams: [{ name: 'uid', required: true, type: 'string', description: undefined, example: 'u1', sensitive: false }],
  query: [{ name: 'fields', required: false, type: 'string', description: undefined, example: 'Uid', sensitive: false }],
  body: undefined,
  sdk: { node: 'accountApi.getThing', python: 'account.get_thing' },
  response: undefined,
  sensitive: [],
  errorStatuses: [400, 401, 403, 429, 500],
  errorCodes: [],
};

function print(structure: StatementStructures): string {
  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('x.ts');
  file.addStatements([structure]);
  return file.getFullText();
}

describe('emitDescriptor', () => {
  test.for<[string, Partial<Callable>, string[], string[]]>([
    [
      'path and query data',
      {},
      ["pathParams: ['uid']", "query: { fields: { type: 'string' } }", 'idempotent: true'],
      ['body:', 'server:', 'generateSott', 'sensitive'],
    ],
    [
      'a required body and a foreign host',
      { body: { required: true, schemaName: 'X', example: {}, shape: {} }, server: 'https://config.lrcontent.com', idempotent: false },
      ["body: 'required'", "server: 'https://config.lrcontent.com'"],
      ['idempotent'],
    ],
    [
      'a body brings its compact shape and the check',
      { body: { required: true, schemaName: 'X', example: {}, shape: { '!s': 'email', 'sz=a|b': 'Type', '': '*' } } },
      ["bodyShape: { '!s': 'email', 'sz=a|b': 'Type', '': '*' }", 'checkBody: bodyProblem,'],
      [],
    ],
    [
      'a oneOf body brings one shape per alternative',
      { body: { required: true, schemaName: undefined, example: {}, shape: [{ '!s': 'email' }, { '!s': 'phone' }] } },
      ["bodyShape: [{ '!s': 'email' }, { '!s': 'phone' }]"],
      [],
    ],
    ['no body, no check', {}, [], ['bodyShape', 'checkBody']],
    ['a SOTT operation brings its generator', { security: [['apiKey', 'sott']] }, ['generateSott: createSottGenerator,'], []],
    ['credential-bearing names are listed', { sensitive: ['otp', 'password'] }, ["sensitive: ['otp', 'password']"], []],
    [
      'a required query parameter',
      { query: [{ name: 'Email', required: true, type: 'string', description: undefined, example: 'a', sensitive: false }] },
      ["Email: { type: 'string', required: true }"],
      [],
    ],
  ])('%s', ([, change, present, absent]) => {
    const text = print(emitDescriptor({ ...base, ...change }));
    for (const snippet of present) expect(text).toContain(snippet);
    for (const snippet of absent) expect(text).not.toContain(snippet);
  });
});

describe('emitParamsType', () => {
  test('operation params reference the spec types', () => {
    const text = print(emitParamsType(base));
    expect(text).toContain("path: PathOf<operations['getThing']>;");
    expect(text).toContain("query?: QueryOf<operations['getThing']>;");
    expect(text).not.toContain('accessToken');
  });

  test('a variant picks its query parameters and tightens the ones it requires', () => {
    const variant: Callable = {
      ...base,
      name: 'checkEmailAvailability',
      isVariant: true,
      pathParams: [],
      query: [{ name: 'Email', required: true, type: 'string', description: undefined, example: 'a', sensitive: false }],
      body: { required: true, schemaName: 'EmailBody', example: {}, shape: {} },
      security: [['apiKey', 'accessToken']],
    };
    const text = print(emitParamsType(variant));
    expect(text).toContain(
      "query: Pick<QueryOf<operations['getThing']>, 'Email'> & Required<Pick<QueryOf<operations['getThing']>, 'Email'>>;",
    );
    expect(text).toContain("body: components['schemas']['EmailBody'];");
    expect(text).toContain('accessToken: string;');
  });
});

describe('emitResultType', () => {
  test.for<[string, Partial<Callable>, string]>([
    ['the operation result', {}, "export type GetThingResult = JsonResultOf<operations['getThing']>;"],
    [
      'a variant with its own response',
      { isVariant: true, response: { schemaName: 'ExistResponse', exampleKey: 'availability' } },
      "export type GetThingResult = components['schemas']['ExistResponse'];",
    ],
  ])('%s', ([, change, line]) => expect(print(emitResultType({ ...base, ...change }))).toContain(line));
});

describe('emitFunction', () => {
  test('is one call into the client with the operation data', () => {
    const text = print(emitFunction(base));
    expect(text).toContain(
      'export function getThing(client: LoginRadiusClient, params: GetThingParams, options?: RequestOptions): Promise<GetThingResult>',
    );
    expect(text).toContain('return client.call(getThingOperation, params, options);');
    expect(text).toContain('`GET /things/{uid}` · credentials: API key + API secret · safe to retry');
    expect(text).toContain('Official SDKs: Node `accountApi.getThing`, Python `account.get_thing`.');
  });

  test('params default to {} when nothing is required', () => {
    const open = { ...base, pathParams: [], security: [['apiKey']] };
    expect(paramsAreOptional(open)).toBe(true);
    expect(print(emitFunction(open))).toContain('params: GetThingParams = {}');
  });
});

describe('emitDeprecatedAliases', () => {
  const printAll = (c: Callable): string => emitDeprecatedAliases(c).map(print).join('');

  test('nothing for a function that was never renamed', () => expect(emitDeprecatedAliases(base)).toEqual([]));

  test('each old name aliases the function and its Params and Result types, marked deprecated', () => {
    const text = printAll({ ...base, deprecatedNames: ['getTHING'] });
    expect(text).toContain(
      '/**\n * `getTHING`, the earlier name of {@link getThing}.\n * @deprecated Use {@link getThing}: the same call, spelled consistently.\n * @alias\n */\nexport const getTHING = getThing;',
    );
    for (const suffix of ['Params', 'Result'])
      expect(text).toContain(
        `/**\n * The earlier name of {@link GetThing${suffix}}.\n * @deprecated Use {@link GetThing${suffix}}.\n */\nexport type GetTHING${suffix} = GetThing${suffix};`,
      );
  });

  test('a paginated function is named in code font, as {@link} cannot resolve it', () => {
    const text = printAll({ ...base, deprecatedNames: ['getTHING'], pagination: { cursor: 'c', next: 'n', items: 'i' } });
    expect(text).toContain('@deprecated Use `getThing`: the same call');
  });
});

describe('credentialNeed', () => {
  test.for<[string[][], 'required' | 'optional' | 'never']>([
    [[['apiKey']], 'never'],
    [[['apiKey', 'accessToken']], 'required'],
    [[['apiKey'], ['apiKey', 'accessToken']], 'optional'],
  ])('%j → %s', ([security, need]) => expect(credentialNeed({ ...base, security }, 'accessToken')).toBe(need));
});

describe('path parameters', () => {
  test('are in template order, whatever order the spec lists them in', async () => {
    const { callables } = await import('../support/spec');
    for (const c of callables) {
      const inTemplate = [...c.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(
        c.pathParams.map((p) => p.name),
        c.name,
      ).toEqual(inTemplate);
    }
    expect(
      callables.find((c) => c.path === '/identity/v2/manage/account/{uid}/customobject/{objectRecordId}')!.pathParams.map((p) => p.name),
    ).toEqual(['uid', 'objectRecordId']);
  });
});
