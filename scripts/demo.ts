/**
 * `npm run demo`, the main job on a fresh clone: regenerate if the spec changed, start the mock LoginRadius,
 * run examples/quickstart.ts against it, print each step, stop the mock; then run examples/stateful.ts against
 * the stateful mock (register, verify from the outbox, sign in, rename, sign out and be refused). With LR_API_KEY (plus LR_EMAIL and
 * LR_PASSWORD) set it runs the same flow against your real LoginRadius app instead.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runQuickstart } from '../examples/quickstart';
import { runStatefulFlow } from '../examples/stateful';
import { createClient } from '../src/index';
import { startMockLoginRadius } from '../src/testing/mock-server';

const ROOT = join(__dirname, '..');

async function main(): Promise<void> {
  console.log('▸ npm run generate (writes only what changed)');
  execFileSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'codegen', 'cli.ts')], { stdio: 'inherit', cwd: ROOT });

  const { LR_API_KEY, LR_API_SECRET, LR_EMAIL, LR_PASSWORD, LR_BASE_URL } = process.env;
  if (LR_API_KEY) {
    if (!LR_EMAIL || !LR_PASSWORD) throw new Error('With LR_API_KEY set, also set LR_EMAIL and LR_PASSWORD of a test account.');
    console.log('▸ running the quickstart against your LoginRadius app');
    const lr = createClient({ apiKey: LR_API_KEY, apiSecret: LR_API_SECRET, baseUrl: LR_BASE_URL });
    await runQuickstart(lr, { email: LR_EMAIL, password: LR_PASSWORD }, (line) => console.log(`  ${line}`));
    console.log('✔ flow completed against LoginRadius');
    return;
  }

  console.log('▸ starting the mock LoginRadius (Prism, request validation on)');
  const mock = await startMockLoginRadius({ errors: true });
  try {
    console.log(`  mock listening on ${mock.url}`);
    const lr = createClient({ apiKey: 'demo-api-key', baseUrl: mock.url });
    console.log('▸ running examples/quickstart.ts against the mock');
    const steps = await runQuickstart(lr, { email: 'jane.doe@example.com', password: 'correct-horse-battery-staple' }, (line) =>
      console.log(`  ${line}`),
    );
    console.log(`✔ flow completed: ${steps} steps against the mock`);
  } finally {
    await mock.stop();
    console.log('▸ mock stopped');
  }

  // Prism answers every call with the documented example; the stateful mock remembers, so the flow shows real state.
  console.log('▸ starting the stateful mock LoginRadius (an emulator behind Prism, which still validates every call)');
  const stateful = await startMockLoginRadius({ stateful: true });
  try {
    console.log('▸ running examples/stateful.ts against it');
    const steps = await runStatefulFlow(stateful, { email: 'jane.doe@example.com', password: 'correct-horse-battery-staple' }, (line) =>
      console.log(`  ${line}`),
    );
    console.log(`✔ stateful flow completed: ${steps} steps`);
  } finally {
    await stateful.stop();
    console.log('▸ stateful mock stopped');
  }
}

main().catch((error: unknown) => {
  console.error(`✘ demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
