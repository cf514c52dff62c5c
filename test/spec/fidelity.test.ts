// The spec against LoginRadius's public OpenAPI description (facts in test/fixtures/public-spec-*.tsv): every
// documented query parameter, body field and top-level response field of every operation is in the spec, typed
// the same, spelt the same but for case, unless the operation records why it differs (`x-lr-differs`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fidelityGaps } from '../support/fidelity';
import { spec } from '../support/spec';

/** Families of endpoints not described yet (none: every documented endpoint is in the spec). */
const PENDING_FAMILIES = new Set<string>([]);

const familyOf = new Map<string, string>(
  readFileSync(join(__dirname, '..', 'fixtures', 'all-endpoints.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .slice(1)
    .map((line) => {
      const [family, method, path] = line.split('\t');
      return [`${method} ${path!.toLowerCase()}`, family!] as const;
    }),
);

const gaps = fidelityGaps(spec as unknown as Record<string, unknown>);

describe('fidelity to LoginRadius public description', () => {
  test('the comparison sees the operations (so it can fail)', () => {
    // The public description has 392 operations; a broken reader would find none and report no gap.
    expect(gaps.filter((g) => g.kind === 'operation').length).toBeLessThan(392);
    expect(fidelityGaps({ ...spec, paths: {} } as unknown as Record<string, unknown>).length).toBeGreaterThan(380);
  });

  test('every documented input and field of every described operation is in the spec', () => {
    const problems = gaps.filter((g) => g.kind !== 'operation').map((g) => `${g.file} ${g.endpoint} ${g.kind} ${g.name}: ${g.problem}`);
    expect(problems).toEqual([]);
  });

  test('the only operations not described yet belong to a pending family', () => {
    const missing = gaps.filter((g) => g.kind === 'operation');
    const outside = missing.filter(
      (g) => !PENDING_FAMILIES.has(familyOf.get(g.endpoint.replace(/ (.*)$/, (_, p: string) => ` ${p.toLowerCase()}`)) ?? ''),
    );
    expect(outside.map((g) => g.endpoint)).toEqual([]);
  });
});
