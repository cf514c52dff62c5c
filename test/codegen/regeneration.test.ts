// generated/ must be exactly what the generator produces from the spec, and generating must be deterministic.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundleSpec } from '../../codegen/bundle';
import { generate } from '../../codegen/generate';

const ROOT = join(__dirname, '..', '..');

describe('regeneration', () => {
  test('is a no-op: the committed files equal a fresh generation, twice in a row', async () => {
    const doc = bundleSpec(join(ROOT, 'spec', 'openapi.yaml'));
    const first = await generate(doc);
    const second = await generate(doc);
    expect([...second]).toEqual([...first]);
    const stale = [...first]
      .filter(([path, text]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), 'utf8') !== text)
      .map(([p]) => p);
    expect(stale).toEqual([]);
  }, 120_000); // two full generations (about 3.5 s each alone) and a bundle, with room for the rest of the suite on 2 cores
});
