// Every endpoint the official SDKs call is an operation of the spec, and every official SDK method is
// reachable through a generated function (so the migration table is complete). Every operation of the spec is
// an endpoint LoginRadius documents, and every documented endpoint of a finished family is in the spec.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { callables } from '../support/spec';

interface ChecklistRow {
  readonly group: string;
  readonly method: string;
  readonly path: string;
  readonly node: readonly string[];
  readonly python: readonly string[];
}

const rows: ChecklistRow[] = readFileSync(join(__dirname, '..', 'fixtures', 'sdk-endpoints.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .slice(1)
  .map((line) => {
    const [group, method, path, node, python] = line.split('\t');
    // Cells list methods separated by ", ", some annotated with the SDK versions that have them: "name [node 11.6.1 …]".
    const list = (cell: string | undefined): string[] =>
      cell
        ? cell
            .split(/, (?![^[]*\])/)
            .map((m) => m.replace(/ \[.*\]$/, ''))
            .filter(Boolean)
        : [];
    return { group: group!, method: method!, path: path!, node: list(node), python: list(python) };
  });

interface DocumentedEndpoint {
  readonly family: string;
  readonly method: string;
  readonly path: string;
  readonly name: string;
}

// LoginRadius spells a few paths with capitals in its docs; it matches paths case-insensitively.
const endpointKey = (method: string, path: string): string => `${method} ${path.toLowerCase()}`;

const documented: DocumentedEndpoint[] = readFileSync(join(__dirname, '..', 'fixtures', 'all-endpoints.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .slice(1)
  .map((line) => {
    const [family, method, path, , name] = line.split('\t');
    return { family: family!, method: method!, path: path!, name: name! };
  });

/** The families whose every documented endpoint is in the spec (the rest are being added). */
const COMPLETE_FAMILIES: readonly string[] = ['identity-v2-auth', 'identity-v2-manage', 'api-v2', 'v2-manage', 'other'];

const operations = new Set(callables.filter((c) => !c.isVariant).map((c) => `${c.method} ${c.path}`));
const byNode = new Map(callables.filter((c) => c.sdk?.node).map((c) => [c.sdk!.node!, c]));
const byPython = new Map(callables.filter((c) => c.sdk?.python).map((c) => [c.sdk!.python!, c]));

/**
 * SDK methods whose function deliberately calls the endpoint LoginRadius documents instead of the one the SDK
 * sends to (the spec's operation description says why).
 */
const DOCUMENTED_ENDPOINT: Record<string, string> = {
  'authenticationApi.linkSocialIdentitiesByPing': 'POST /identity/v2/auth/socialidentity/ping',
  'authentication.link_social_identities_by_ping': 'POST /identity/v2/auth/socialidentity/ping',
};

describe('the endpoint checklist', () => {
  test('has every row', () => expect(rows).toHaveLength(189));

  test.for(rows.map((r) => [`${r.method} ${r.path}`, r] as const))('%s is an operation of the spec', ([key, row]) => {
    expect(operations.has(key), `${key} (${row.group}) is missing from spec/`).toBe(true);
  });

  test.for(rows.flatMap((r) => r.node.map((m) => [m, r] as const)))('Node %s has a function on its endpoint', ([method, row]) => {
    const fn = byNode.get(method);
    expect(fn, `no generated function declares x-lr-sdk node: ${method}`).toBeDefined();
    expect(`${fn!.method} ${fn!.path}`).toBe(DOCUMENTED_ENDPOINT[method] ?? `${row.method} ${row.path}`);
  });

  test.for(rows.flatMap((r) => r.python.map((m) => [m, r] as const)))('Python %s has a function on its endpoint', ([method, row]) => {
    const fn = byPython.get(method);
    expect(fn, `no generated function declares x-lr-sdk python: ${method}`).toBeDefined();
    expect(`${fn!.method} ${fn!.path}`).toBe(DOCUMENTED_ENDPOINT[method] ?? `${row.method} ${row.path}`);
  });
});

describe('every endpoint LoginRadius documents', () => {
  const specEndpoints = new Set(callables.filter((c) => !c.isVariant).map((c) => endpointKey(c.method, c.path)));

  test('the list has all 513', () => expect(new Set(documented.map((e) => endpointKey(e.method, e.path))).size).toBe(513));

  test('the spec has no operation LoginRadius does not document', () => {
    const listed = new Set(documented.map((e) => endpointKey(e.method, e.path)));
    expect([...specEndpoints].filter((key) => !listed.has(key))).toEqual([]);
  });

  test.for(documented.filter((e) => COMPLETE_FAMILIES.includes(e.family)).map((e) => [`${e.method} ${e.path}`, e] as const))(
    '%s is an operation of the spec',
    ([key, e]) => expect(specEndpoints.has(endpointKey(e.method, e.path)), `${key} (${e.family}, ${e.name}) is missing`).toBe(true),
  );
});
