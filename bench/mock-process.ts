/**
 * A mock LoginRadius in its own process for the emulator benchmark (`bench/mocks.ts`): the plain Prism mock
 * or the stateful emulator, so the load generator's work and the mock's never share a CPU budget.
 *
 * Run as a child with an IPC channel and `plain` or `stateful` as its argument: it sends `{ url, app }` once
 * listening and stops when the channel closes.
 */
import { startMockLoginRadius } from '../src/testing/index';

async function main(): Promise<void> {
  let mock: { readonly url: string; stop(): Promise<void> };
  if (process.argv[2] === 'stateful') {
    const emulator = await startMockLoginRadius({ stateful: true });
    await emulator.seed([{ email: 'ada@example.com', password: 'correct-horse-battery-staple' }]);
    mock = emulator;
    process.send!({ url: emulator.url, app: emulator.app });
  } else {
    mock = await startMockLoginRadius();
    process.send!({ url: mock.url, app: { apiKey: 'test-api-key' } });
  }
  process.once('disconnect', () => void mock.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
