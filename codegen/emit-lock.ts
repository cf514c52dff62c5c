/**
 * `generated/spec.lock.json`: which spec and generator produced generated/, so a reviewer (and CI) can see
 * at a glance that the output matches its inputs, and the API surface it produced, so the next generation
 * can say what changed for callers.
 */
import { createHash } from 'node:crypto';
import type { ApiSurface } from './api-surface';
import type { Callable } from './spec-model';

export interface SpecLock {
  readonly specSha256: string;
  readonly generator: { readonly name: string; readonly version: string; readonly openapiTypescript: string; readonly tsMorph: string };
  readonly operations: number;
  readonly functions: number;
  readonly groups: number;
  readonly api: ApiSurface;
}

export function emitSpecLock(
  bundledSpecText: string,
  callables: readonly Callable[],
  groups: number,
  versions: SpecLock['generator'],
  api: ApiSurface,
): string {
  const lock: SpecLock = {
    specSha256: createHash('sha256').update(bundledSpecText).digest('hex'),
    generator: versions,
    operations: callables.filter((c) => !c.isVariant).length,
    functions: callables.length,
    groups,
    api,
  };
  return `${JSON.stringify(lock, null, 2)}\n`;
}
