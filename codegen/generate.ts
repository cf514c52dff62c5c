/**
 * The whole generation as one pure-ish step: spec document in, a map of output files (path → text) out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSurface } from './api-surface';
import { emitApiReference } from './emit-docs';
import {
  catalogueByCode,
  documentedErrors,
  emitErrorCodesModule,
  emitErrorCodesPage,
  readErrorCatalogue,
  type ErrorCodeEntry,
} from './emit-error-codes';
import { createEmitProject, emitGroupModule, emitIndexModule, emitModelsModule, generatedHeader } from './emit-files';
import { emitSpecLock } from './emit-lock';
import { emitSchemaTypes } from './emit-types';
import { formatTypeScript } from './format';
import { readCallables, type OpenApiDocument } from './spec-model';
import { checkTaskIndex, readTaskIndex, type Task } from './tasks';

/** Output paths are relative to the repository root. */
export type GeneratedFiles = Map<string, string>;

function specFileOf(doc: OpenApiDocument, tag: string): string {
  const file = doc.tags?.find((t) => t.name === tag)?.['x-lr-spec-file'];
  if (file === undefined) throw new Error(`tag ${tag} has no x-lr-spec-file: bundle the spec with codegen/bundle.ts`);
  return file;
}

export async function generate(
  doc: OpenApiDocument,
  errorCodes: readonly ErrorCodeEntry[] = readErrorCatalogue(),
  tasks: readonly Task[] = readTaskIndex(),
): Promise<GeneratedFiles> {
  const files: GeneratedFiles = new Map();
  const callables = readCallables(doc);
  const tags = (doc.tags ?? []).map((t) => t.name).filter((tag) => callables.some((c) => c.tag === tag));
  const untagged = callables.find((c) => !tags.includes(c.tag));
  if (untagged) throw new Error(`${untagged.name}: tag ${untagged.tag} is not declared in openapi.yaml`);
  // A deprecated alias is an export of the same module as the functions, so it shares their namespace.
  const names = callables.flatMap((c) => [c.name, ...c.deprecatedNames]);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new Error(`two functions (or deprecated aliases) would be named ${duplicate}`);
  checkTaskIndex(tasks, new Set(callables.map((c) => c.name)));
  const catalogue = catalogueByCode(errorCodes);
  for (const c of callables) documentedErrors(c, catalogue);

  const bundled = `${JSON.stringify(doc, null, 2)}\n`;
  files.set('generated/openapi.json', bundled);
  files.set('generated/spec.lock.json', emitSpecLock(bundled, callables, tags.length, generatorVersions(), apiSurface(doc, callables)));
  files.set('docs/API.md', emitApiReference(doc, callables, tags, catalogue, tasks));
  files.set('docs/ERRORS.md', emitErrorCodesPage(errorCodes));
  files.set('generated/error-codes.ts', emitErrorCodesModule(errorCodes, generatedHeader('spec/error-codes.yaml')));
  files.set('generated/package-version.ts', emitPackageVersionModule(generatorVersions().version));
  const schema = await emitSchemaTypes(doc);
  files.set(`generated/${schema.path}`, schema.text);
  const project = createEmitProject();
  const specFiles = tags.map((tag) => specFileOf(doc, tag));
  tags.forEach((tag, i) => {
    const module = emitGroupModule(
      project,
      specFiles[i]!,
      callables.filter((c) => c.tag === tag),
      catalogue,
    );
    files.set(`generated/${module.path}`, module.text);
  });
  const models = emitModelsModule(project, doc);
  files.set(`generated/${models.path}`, models.text);
  const index = emitIndexModule(project, specFiles);
  files.set(`generated/${index.path}`, index.text);
  return formatTypeScript(files);
}

/** The package's version for the runtime's default `User-Agent`, kept in step with package.json by `generate:check`. */
function emitPackageVersionModule(version: string): string {
  return `${generatedHeader('package.json')}\n/** This package's version, as package.json has it. */\nexport const PACKAGE_VERSION = ${JSON.stringify(version)};\n`;
}

function generatorVersions(): { name: string; version: string; openapiTypescript: string; tsMorph: string } {
  const version = (file: string): string => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  return {
    name: 'loginradius-client/codegen',
    version: version(join(__dirname, '..', 'package.json')),
    openapiTypescript: version(require.resolve('openapi-typescript/package.json')),
    tsMorph: version(require.resolve('ts-morph/package.json')),
  };
}
