/**
 * Turns the measurements into results.json's shape, the targets verdicts and the printed tables.
 */
import type { BundleSize } from './bundle';
import type { CodegenTime } from './codegen';
import type { MockThroughput } from './mocks';
import type { CallKind, PerCallCost } from './per-call';
import type { SottResult } from './sott';
import type { TypecheckTime } from './typecheck';

/** One per-call row with its ratios to the raw-fetch and official-SDK baselines of the same kind of call. */
export interface PerCallRow extends PerCallCost {
  readonly cpuVsFetch: number;
  readonly wallVsFetch: number;
  readonly cpuVsSdk: number;
  readonly wallVsSdk: number;
}

export interface TargetVerdict {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

export interface BenchResults {
  readonly machine: {
    readonly node: string;
    readonly platform: string;
    readonly cpus: number;
    readonly cpuModel: string;
    /** 1-minute load average when the run started and ended. */
    readonly loadAverage: { readonly before: number; readonly after: number };
  };
  readonly measuredAt: string;
  readonly settings: Record<string, unknown>;
  readonly perCall?: readonly PerCallRow[];
  readonly sott?: SottResult & { readonly cachedVsSdk: number; readonly freshVsSdk: number };
  readonly bundle?: readonly BundleSize[];
  readonly codegen?: CodegenTime;
  readonly typecheck?: readonly TypecheckTime[];
  readonly mocks?: readonly MockThroughput[];
  readonly targets: readonly TargetVerdict[];
}

// The raw-fetch and official-SDK contenders each kind of call is compared with.
const BASELINES: Record<CallKind, { fetch: string; sdk: string }> = {
  secret: { fetch: 'fetch', sdk: 'sdk' },
  token: { fetch: 'fetch-token', sdk: 'sdk-token' },
  signing: { fetch: 'fetch', sdk: 'sdk-signing' },
};

export function perCallRows(costs: readonly PerCallCost[]): PerCallRow[] {
  const byId = new Map(costs.map((c) => [c.id, c]));
  return costs.map((c) => {
    const fetch = byId.get(BASELINES[c.kind].fetch)!;
    const sdk = byId.get(BASELINES[c.kind].sdk)!;
    return {
      ...c,
      cpuVsFetch: c.cpuUs / fetch.cpuUs,
      wallVsFetch: c.wallUs / fetch.wallUs,
      cpuVsSdk: c.cpuUs / sdk.cpuUs,
      wallVsSdk: c.wallUs / sdk.wallUs,
    };
  });
}

export function sottSummary(result: SottResult): SottResult & { cachedVsSdk: number; freshVsSdk: number } {
  const rate = (id: string): number => result.rates.find((r) => r.id === id)!.opsPerSecond;
  return { ...result, cachedVsSdk: rate('sott-cached') / rate('sott-sdk'), freshVsSdk: rate('sott-fresh') / rate('sott-sdk') };
}

// The client's Node options per kind of call: the wall and CPU targets are judged on the best of them.
const NODE_OPTIONS: Partial<Record<CallKind, readonly { readonly id: string; readonly name: string }[]>> = {
  secret: [{ id: 'client-transport', name: 'createNodeTransport' }],
  token: [{ id: 'client-transport-token', name: 'createNodeTransport' }],
};

const pct = (ratio: number): string => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(0)} %`;
const times = (ratio: number): string => `${ratio.toFixed(2)}×`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Checks every target of issue 7 against what was measured (sections not run are skipped). */
export function verdicts(results: Omit<BenchResults, 'targets'>): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  const row = (id: string): PerCallRow | undefined => results.perCall?.find((r) => r.id === id);
  for (const id of ['client', 'client-token']) {
    const r = row(id);
    if (r) out.push({ target: `${id}: CPU overhead over raw fetch ≤ 10 %`, measured: pct(r.cpuVsFetch), met: r.cpuVsFetch <= 1.1 });
  }
  for (const [kind, options] of Object.entries(NODE_OPTIONS)) {
    const measured = options.flatMap((o) => (row(o.id) ? [{ name: o.name, row: row(o.id)! }] : []));
    if (measured.length === 0) continue;
    for (const [metric, ratio] of [
      ['wall', (r: PerCallRow) => r.wallVsSdk],
      ['CPU', (r: PerCallRow) => r.cpuVsSdk],
    ] as const) {
      const ranked = [...measured].sort((a, b) => ratio(a.row) - ratio(b.row));
      out.push({
        target: `${kind}, best Node option: ${metric} ≤ official SDK`,
        measured: ranked.map((m) => `${m.name} ${times(ratio(m.row))}`).join(', '),
        met: ratio(ranked[0]!.row) <= 1,
      });
    }
  }
  if (results.sott) {
    const { cachedVsSdk, freshVsSdk } = results.sott;
    out.push({
      target: 'SOTT rate ≥ 100× official SDK',
      measured: `${cachedVsSdk.toFixed(0)}× (a new window every call: ${freshVsSdk.toFixed(0)}×)`,
      met: cachedVsSdk >= 100,
    });
  }
  const one = results.bundle?.find((b) => b.id === 'one-operation');
  if (one) out.push({ target: 'one operation + client ≤ 5 KB min+gzip', measured: kb(one.gzipBytes), met: one.gzipBytes <= 5 * 1024 });
  if (results.codegen)
    out.push({ target: 'regeneration ≤ 5 s', measured: `${results.codegen.seconds.toFixed(2)} s`, met: results.codegen.seconds <= 5 });
  for (const t of results.typecheck ?? [])
    out.push({ target: `${t.id}: type-check ≤ 3 s`, measured: `${t.seconds.toFixed(2)} s`, met: t.seconds <= 3 && !t.errors });
  return out;
}

/** The tables `npm run bench` prints. */
export function formatTables(results: BenchResults): string {
  const parts: string[] = [];
  const m = results.machine;
  parts.push(
    `Node ${m.node}, ${m.platform}, ${m.cpus} × ${m.cpuModel}; load average ${m.loadAverage.before.toFixed(1)} → ${m.loadAverage.after.toFixed(1)}; ${results.measuredAt}`,
  );
  if (results.perCall) {
    parts.push(
      table(
        'Per call: GET one profile from a keep-alive loopback server (medians of rounds; ratios to the same kind of call)',
        ['call', 'contender', 'wall µs', 'CPU µs', 'wall/fetch', 'CPU/fetch', 'wall/SDK', 'CPU/SDK'],
        results.perCall.map((r) => [
          r.kind,
          r.label,
          r.wallUs.toFixed(0),
          r.cpuUs.toFixed(0),
          times(r.wallVsFetch),
          times(r.cpuVsFetch),
          times(r.wallVsSdk),
          times(r.cpuVsSdk),
        ]),
      ),
    );
  }
  if (results.sott) {
    parts.push(
      table(
        `SOTT generation (same token from both for the same times: ${results.sott.sameToken ? 'yes' : 'NO'})`,
        ['contender', 'ops/s', 'wall µs', 'CPU µs'],
        results.sott.rates.map((r) => [r.label, r.opsPerSecond.toFixed(0), r.wallUs.toFixed(0), r.cpuUs.toFixed(0)]),
      ),
    );
  }
  if (results.bundle) {
    parts.push(
      table(
        'Bundle size (esbuild --bundle --minify, gzip -9)',
        ['bundle', 'min', 'min+gzip', 'largest inputs (minified bytes)'],
        results.bundle.map((b) => [
          b.label,
          kb(b.minBytes),
          kb(b.gzipBytes),
          b.largestInputs
            .slice(0, 3)
            .map((i) => `${i.path} ${i.bytes}`)
            .join(', '),
        ]),
      ),
    );
    for (const b of results.bundle) if (b.failure) parts.push(`  ${b.label}: ${b.failure}`);
  }
  if (results.codegen) {
    const c = results.codegen;
    parts.push(
      table(
        'Codegen: tsx codegen/cli.ts --check',
        ['median s', 'runs s', 'peak RSS MB', 'result'],
        [[c.seconds.toFixed(2), c.runs.map((r) => r.toFixed(2)).join(' '), c.peakRssMb.toFixed(0), c.status]],
      ),
    );
  }
  if (results.typecheck) {
    parts.push(
      table(
        'Type-check: tsc --noEmit of bench/consumer (20 operations)',
        ['consumer', 'median s', 'tsc check s', 'peak RSS MB', 'tsc heap MB', 'files', 'errors'],
        results.typecheck.map((t) => [
          t.label,
          t.seconds.toFixed(2),
          t.tscCheckSeconds.toFixed(2),
          t.peakRssMb.toFixed(0),
          t.tscMemoryMb.toFixed(0),
          String(t.files),
          t.errors || 'none',
        ]),
      ),
    );
  }
  if (results.mocks) {
    parts.push(
      table(
        'Mocks: the stateful emulator (refereed by Prism) beside the plain Prism mock, keep-alive fetch from another process',
        ['mock', 'operation', 'in flight', 'requests/s', 'p50 ms', 'p99 ms'],
        results.mocks.map((r) => [
          r.mock,
          r.operation,
          String(r.concurrency),
          r.requestsPerSecond.toFixed(0),
          r.p50Ms.toFixed(1),
          r.p99Ms.toFixed(1),
        ]),
      ),
    );
  }
  parts.push(
    table(
      'Targets (issue 7)',
      ['target', 'measured', 'met'],
      results.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : 'NO']),
    ),
  );
  return parts.join('\n\n');
}

function table(title: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[\d.+\-×% ]+$/.test(r[i]!)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
