/**
 * Type-check time of a consumer: `tsc --noEmit` over bench/consumer/consumer.ts, which calls 20
 * operations. Two ways: against the source (what this repository's own typecheck sees, the worst case) and
 * against emitted declarations (`.d.ts`, what an application installing the package type-checks against).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timedNode } from './codegen';
import { median } from './measure';

const ROOT = join(__dirname, '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'lib', 'tsc.js');
const CONSUMER = join(__dirname, 'consumer');

export interface TypecheckTime {
  readonly id: string;
  readonly label: string;
  /** Median wall seconds of `tsc --noEmit`, process start included. */
  readonly seconds: number;
  readonly runs: readonly number[];
  /** Peak resident memory of the tsc process (MB). */
  readonly peakRssMb: number;
  /** What tsc itself reports (`--extendedDiagnostics`): check time, heap used, files. */
  readonly tscCheckSeconds: number;
  readonly tscMemoryMb: number;
  readonly files: number;
  readonly errors: string;
}

export function runTypecheck(runs: number): TypecheckTime[] {
  const fromSource = timeTsc('consumer-source', 'consumer of 20 operations, against src/', join(CONSUMER, 'tsconfig.json'), runs);
  const dir = mkdtempSync(join(tmpdir(), 'lr-bench-dts-'));
  try {
    const declarations = emitDeclarations(dir);
    const tsconfig = consumerOfDeclarations(dir, declarations);
    return [fromSource, timeTsc('consumer-dts', 'consumer of 20 operations, against emitted .d.ts', tsconfig, runs)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeTsc(id: string, label: string, tsconfig: string, runs: number): TypecheckTime {
  const results = Array.from({ length: runs }, () => timedNode([TSC, '-p', tsconfig, '--extendedDiagnostics']));
  const last = results.at(-1)!;
  const stat = (name: string): number => Number(new RegExp(`^${name}:\\s+([\\d.]+)`, 'm').exec(last.output)?.[1] ?? Number.NaN);
  return {
    id,
    label,
    seconds: median(results.map((r) => r.seconds)),
    runs: results.map((r) => r.seconds),
    peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
    tscCheckSeconds: stat('Check time'),
    tscMemoryMb: stat('Memory used') / 1024,
    files: stat('Files'),
    errors:
      last.status === 0
        ? ''
        : last.output
            .split('\n')
            .filter((l) => /error TS/.test(l))
            .slice(0, 3)
            .join('\n'),
  };
}

/** Emits the package's declarations (src/index.ts and everything it exports) into `dir`/decl. */
function emitDeclarations(dir: string): string {
  const outDir = join(dir, 'decl');
  const tsconfig = join(dir, 'tsconfig.emit.json');
  const base = JSON.parse(readFileSync(join(CONSUMER, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: {
        ...base.compilerOptions,
        noEmit: false,
        declaration: true,
        emitDeclarationOnly: true,
        rootDir: ROOT,
        outDir,
        typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
      files: [join(ROOT, 'src', 'index.ts')],
    }),
  );
  const result = timedNode([TSC, '-p', tsconfig]);
  if (result.status !== 0) throw new Error(`declaration emit failed:\n${result.output}`);
  return join(outDir, 'src', 'index');
}

/** A copy of the consumer that imports the emitted declarations instead of the source. */
function consumerOfDeclarations(dir: string, entry: string): string {
  const consumerDir = join(dir, 'consumer');
  mkdirSync(consumerDir);
  const source = readFileSync(join(CONSUMER, 'consumer.ts'), 'utf8');
  if (!source.includes(`from '../../src/index'`)) throw new Error('bench/consumer/consumer.ts must import from ../../src/index');
  writeFileSync(join(consumerDir, 'consumer.ts'), source.replace(`from '../../src/index'`, `from '${entry}'`));
  const base = JSON.parse(readFileSync(join(CONSUMER, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  const tsconfig = join(consumerDir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({ ...base, compilerOptions: { ...base.compilerOptions, typeRoots: [join(ROOT, 'node_modules', '@types')] } }),
  );
  return tsconfig;
}
