/**
 * `npm run bench`: every benchmark of issue 7 in one run, on this machine, printed as tables and written to
 * bench/results.json. Never part of `npm test`.
 *
 *   npm run bench                    the full run (about two to three minutes on 2 cores)
 *   npm run bench -- --quick         fewer rounds and calls, for checking the harness
 *   npm run bench -- --only=per-call,sott,bundle,codegen,typecheck,mocks
 *
 * Per-call timings run in a separate process (with --expose-gc) against a server in a third process, so
 * `process.cpuUsage()` counts the client's work only.
 */
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { runBundle } from './bundle';
import { runCodegen } from './codegen';
import { type MockLoadSettings, runMocks } from './mocks';
import type { PerCallCost, PerCallSettings } from './per-call';
import { formatTables, perCallRows, sottSummary, verdicts, type BenchResults } from './report';
import { runSott, type SottSettings } from './sott';
import { runTypecheck } from './typecheck';

const SECTIONS = ['per-call', 'sott', 'bundle', 'codegen', 'typecheck', 'mocks'] as const;
type Section = (typeof SECTIONS)[number];

const FULL = {
  perCall: { rounds: 5, callsPerRound: 2000, warmupCalls: 300 } satisfies PerCallSettings,
  sott: { rounds: 5, cachedCalls: 3000, derivingCalls: 40 } satisfies SottSettings,
  codegenRuns: 3,
  typecheckRuns: 3,
  mocks: { calls: 2000, concurrency: 16, warmupCalls: 200 } satisfies MockLoadSettings,
};
const QUICK = {
  perCall: { rounds: 2, callsPerRound: 300, warmupCalls: 100 } satisfies PerCallSettings,
  sott: { rounds: 2, cachedCalls: 300, derivingCalls: 5 } satisfies SottSettings,
  codegenRuns: 1,
  typecheckRuns: 1,
  mocks: { calls: 200, concurrency: 16, warmupCalls: 20 } satisfies MockLoadSettings,
};

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown?.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  const wanted = (section: Section): boolean => !only || only.includes(section);
  const settings = quick ? QUICK : FULL;
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const loadBefore = loadavg()[0]!;

  // Each section runs only when asked for, and says so when it starts.
  const section = async <T>(name: Section, run: () => T | Promise<T>): Promise<T | undefined> => {
    if (!wanted(name)) return undefined;
    log(`${name} …`);
    return run();
  };
  const perCall = await section('per-call', async () => perCallRows(await runPerCallProcess(settings.perCall, log)));
  const sott = await section('sott', async () => sottSummary(await runSott(settings.sott)));
  const bundle = await section('bundle', runBundle);
  const codegen = await section('codegen', () => runCodegen(settings.codegenRuns));
  const typecheck = await section('typecheck', () => runTypecheck(settings.typecheckRuns));
  const mocks = await section('mocks', () => runMocks(settings.mocks));

  const cpu = cpus();
  const measured = {
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      // Other work on the machine inflates wall times (type-check, codegen) more than per-call ratios.
      loadAverage: { before: loadBefore, after: loadavg()[0]! },
    },
    measuredAt: new Date().toISOString(),
    settings: { ...settings, quick, sections: only ?? [...SECTIONS] },
    ...(perCall && { perCall }),
    ...(sott && { sott }),
    ...(bundle && { bundle }),
    ...(codegen && { codegen }),
    ...(typecheck && { typecheck }),
    ...(mocks && { mocks }),
  };
  const results: BenchResults = { ...measured, targets: verdicts(measured) };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatTables(results));
  console.log('\nwritten: bench/results.json');
}

/** Runs the per-call benchmark in a child process with --expose-gc and returns what it measured. */
function runPerCallProcess(settings: PerCallSettings, log: (line: string) => void): Promise<PerCallCost[]> {
  const child = fork(join(__dirname, 'per-call.ts'), [JSON.stringify(settings)], {
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  child.stderr!.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
  return new Promise((resolve, reject) => {
    let result: PerCallCost[] | undefined;
    child.on('message', (message) => (result = message as PerCallCost[]));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`per-call benchmark exited with ${code}`))));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
