/**
 * Codegen time: `tsx codegen/cli.ts --check`, the full regeneration (Redocly bundle, openapi-typescript,
 * ts-morph emit) compared in memory against generated/, exactly what `npm run generate:check` runs.
 * Timed as a fresh process each run, since that is what a developer waits for.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './measure';

const ROOT = join(__dirname, '..');

export interface CodegenTime {
  /** Median wall seconds of a full `--check` run, process start included. */
  readonly seconds: number;
  readonly runs: readonly number[];
  /** Peak resident memory of the largest Node process involved (MB). */
  readonly peakRssMb: number;
  /** What the last run printed: up to date, or why it failed. */
  readonly status: string;
}

export function runCodegen(runs: number): CodegenTime {
  const times: number[] = [];
  let peakRssMb = 0;
  let status = '';
  for (let i = 0; i < runs; i++) {
    const result = timedNode([require.resolve('tsx/cli'), join(ROOT, 'codegen', 'cli.ts'), '--check']);
    times.push(result.seconds);
    peakRssMb = Math.max(peakRssMb, result.peakRssMb);
    const lines = result.output.trim().split('\n');
    // `--check` exits 1 when generated/ is stale (someone mid-edit): the time is still a full regeneration.
    status =
      result.status === 0
        ? (lines.at(-1) ?? '')
        : `exit ${result.status}: ${lines.find((l) => l.includes('generated/')) ?? lines[0] ?? ''}`;
  }
  return { seconds: median(times), runs: times, peakRssMb, status };
}

/**
 * Runs `node <args>` and returns its output, wall seconds, and the peak resident memory of the largest Node
 * process whose stderr reaches us (tsx runs the script in a child; a Redocly process started by codegen
 * reports into codegen's captured output and is not counted).
 */
export function timedNode(args: readonly string[]): { seconds: number; peakRssMb: number; output: string; status: number | null } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      NODE_OPTIONS: `--require ${join(__dirname, 'support', 'report-peak-rss.cjs')}`,
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peaks = [...`${result.stdout}${result.stderr}`.matchAll(/^peak-rss-kb (\d+)$/gm)].map((m) => Number(m[1]));
  const output = `${result.stdout}${result.stderr}`.replace(/^peak-rss-kb \d+$/gm, '').replace(/\n{2,}/g, '\n');
  return { seconds, peakRssMb: peaks.length ? Math.max(...peaks) / 1024 : Number.NaN, output, status: result.status };
}
