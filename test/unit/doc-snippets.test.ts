// Every TypeScript example users read compiles against the real types: the ```ts blocks of README.md and
// CONTRIBUTING.md, and the examples in the doc comments of src/. An example that calls a function with a
// parameter it does not take (the mock's examples once passed `query: { email }`) fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '..', '..');

interface Snippet {
  readonly where: string;
  readonly code: string;
}

function markdownSnippets(file: string): Snippet[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => ({
    where: `${file}:${text.slice(0, m.index).split('\n').length}`,
    code: m[1]!,
  }));
}

function docCommentSnippets(dir: string): Snippet[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .flatMap((entry) => {
      const file = relative(ROOT, join(entry.parentPath, entry.name));
      const text = readFileSync(join(ROOT, file), 'utf8');
      return [...text.matchAll(/^ \* ```ts\n([\s\S]*?)^ \* ```/gm)].map((m) => ({
        where: `${file}:${text.slice(0, m.index).split('\n').length}`,
        code: m[1]!.replace(/^ \*( |$)/gm, ''),
      }));
    });
}

const ENTRY_POINTS: Record<string, string> = {
  'loginradius-client': 'src/index.ts',
  'loginradius-client/node': 'src/node/index.ts',
  'loginradius-client/testing': 'src/testing/index.ts',
};

/** Names each entry point exports, for the examples that use them without an import line. */
function exportsOf(program: ts.Program, file: string): Set<string> {
  const source = program.getSourceFile(join(ROOT, file))!;
  const checker = program.getTypeChecker();
  return new Set(checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => s.name));
}

// What the examples leave to the reader: their own variables and helpers.
const PRELUDE = `
import { beforeAll, afterAll, test, expect } from 'vitest';
declare const email: string, password: string, uid: string, value: string, accessToken: string;
declare const apiKey: string, apiSecret: string;
declare const req: { ip: string };
declare const customFetch: typeof fetch;
declare const getM2MToken: () => Promise<string>;
declare const pinoLogger: { debug(o: object, m: string): void; info(o: object, m: string): void; warn(o: object, m: string): void; error(o: object, m: string): void };
declare function lockedOut(): void;
declare function showWrongPassword(): void;
declare function askToVerifyEmail(): void;
declare const onRequest: () => void, onResponse: () => void, onError: () => void;
`;

// The README's server example uses Express 5, which is not a dependency: the few types it touches, by hand.
const EXPRESS_TYPES = `
declare module 'express' {
  interface Request { ip?: string; body: any; params: Record<string, string | undefined>; get(header: string): string | undefined }
  interface Response { status(code: number): Response; json(body: unknown): Response; end(): Response }
  type NextFunction = (error?: unknown) => void;
  type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
  type ErrorHandler = (error: unknown, req: Request, res: Response, next: NextFunction) => unknown;
  interface App {
    use(...handlers: (Handler | ErrorHandler)[]): App;
    get(path: string, ...handlers: Handler[]): App;
    post(path: string, ...handlers: Handler[]): App;
    listen(port: number): unknown;
  }
  const express: { (): App; json(): Handler };
  export default express;
  export type { NextFunction, Request, Response };
}
`;

const snippets = [...markdownSnippets('README.md'), ...markdownSnippets('CONTRIBUTING.md'), ...docCommentSnippets('src')];

describe('the TypeScript examples in the docs', () => {
  test('there are examples to check', () => {
    expect(snippets.length).toBeGreaterThan(8);
  });

  test('all compile against the real types', () => {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      baseUrl: ROOT,
      paths: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, file]) => [name, [file]])),
    };
    const probe = ts.createProgram(
      Object.values(ENTRY_POINTS).map((f) => join(ROOT, f)),
      options,
    );
    const exported = Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, file]) => [name, exportsOf(probe, file)]));
    const files = new Map<string, { snippet: Snippet; text: string }>();
    snippets.forEach((snippet, i) => {
      const imports = Object.entries(exported).flatMap(([module, names]) => {
        if (snippet.code.includes(`from '${module}'`)) return [];
        const used = [...names].filter((name) => new RegExp(`\\b${name}\\b`).test(snippet.code));
        return used.length ? [`import { ${used.join(', ')} } from '${module}';`] : [];
      });
      const declaresLr = /\b(const|let) lr\b/.test(snippet.code);
      const lr = declaresLr ? '' : "declare const lr: import('loginradius-client').LoginRadiusClient;\n";
      files.set(join(ROOT, `.doc-snippet-${i}.ts`), {
        snippet,
        text: `${imports.join('\n')}\n${PRELUDE}${lr}${snippet.code}\nexport {};\n`,
      });
    });
    files.set(join(ROOT, '.doc-snippet-express.d.ts'), { snippet: { where: 'express types', code: '' }, text: EXPRESS_TYPES });
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    host.readFile = (file) => files.get(file)?.text ?? readFile(file);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (file) => files.has(file) || fileExists(file);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (file, language) => {
      const virtual = files.get(file);
      return virtual ? ts.createSourceFile(file, virtual.text, language) : getSourceFile(file, language);
    };
    const program = ts.createProgram([...files.keys()], options, host);
    const problems = [...files.keys()].flatMap((file) =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(file))
        .map((d) => `${files.get(file)!.snippet.where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
    );
    expect(problems).toEqual([]);
  }, 120_000); // type-checks every snippet against the whole generated API: seconds, more on a busy machine
});
