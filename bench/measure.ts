/**
 * The timing loop shared by the per-call and SOTT benchmarks: sequential awaited calls, wall time from
 * `process.hrtime` and CPU time (user + system) from `process.cpuUsage`, several rounds, medians.
 */

/** Something to time: one awaited call per iteration. */
export interface Contender {
  /** Stable key in results.json. */
  readonly id: string;
  /** What the table shows. */
  readonly label: string;
  readonly call: () => Promise<unknown>;
}

/** One round of one contender. */
export interface RoundSample {
  readonly wallUs: number;
  readonly cpuUs: number;
}

/** The per-call cost of one contender over all rounds. */
export interface CallCost {
  readonly id: string;
  readonly label: string;
  /** Median over rounds of wall microseconds per call. */
  readonly wallUs: number;
  /** Median over rounds of CPU microseconds per call. */
  readonly cpuUs: number;
  /** Every round, for anyone who wants the spread. */
  readonly rounds: readonly RoundSample[];
}

export interface MeasureOptions {
  readonly rounds: number;
  readonly callsPerRound: number;
  readonly warmupCalls: number;
  /** Called after each round, for progress output. */
  readonly onRound?: (round: number) => void;
}

/**
 * Times every contender in every round. The order rotates each round so that drift on a shared machine
 * (another process waking up, CPU frequency) spreads over all contenders instead of hitting one.
 */
export async function measureRounds(contenders: readonly Contender[], options: MeasureOptions): Promise<CallCost[]> {
  for (const contender of contenders) await repeat(contender.call, options.warmupCalls);
  const samples = new Map<string, RoundSample[]>(contenders.map((c) => [c.id, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const contender = contenders[(i + round) % contenders.length]!;
      collectGarbage();
      samples.get(contender.id)!.push(await timeCalls(contender.call, options.callsPerRound));
    }
    options.onRound?.(round + 1);
  }
  return contenders.map((c) => {
    const rounds = samples.get(c.id)!;
    return { id: c.id, label: c.label, wallUs: median(rounds.map((r) => r.wallUs)), cpuUs: median(rounds.map((r) => r.cpuUs)), rounds };
  });
}

/** Runs `calls` sequential calls and returns the mean wall and CPU microseconds per call. */
export async function timeCalls(call: () => Promise<unknown>, calls: number): Promise<RoundSample> {
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  await repeat(call, calls);
  const wallNs = Number(process.hrtime.bigint() - wallStart);
  const cpu = process.cpuUsage(cpuStart);
  return { wallUs: wallNs / 1000 / calls, cpuUs: (cpu.user + cpu.system) / calls };
}

async function repeat(call: () => Promise<unknown>, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await call();
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank `p`th percentile of a non-empty list sorted in ascending order. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// A full collection between rounds (when node runs with --expose-gc) keeps one contender's garbage from
// being collected on another's clock.
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
