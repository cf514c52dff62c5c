/**
 * `generated/schema.ts`: the request and response types, produced by openapi-typescript from the bundled spec.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { generatedHeader } from './emit-files';
import type { OpenApiDocument } from './spec-model';

export async function emitSchemaTypes(doc: OpenApiDocument): Promise<{ path: string; text: string }> {
  const ast = await openapiTS(doc as never, { alphabetize: false, exportType: false });
  return { path: 'schema.ts', text: `${generatedHeader('spec/openapi.yaml by openapi-typescript')}\n${astToString(ast)}` };
}
