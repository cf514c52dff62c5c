/**
 * `npm run mock`: a Prism mock of the whole LoginRadius API on port 4010 (or --port N), for local development.
 * Options: --port N, --host H, --no-errors (skip request validation), --dynamic (generated instead of example responses).
 */
import { startMockServer } from './prism-server';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const server = await startMockServer({
    port: Number(option('port') ?? 4010),
    host: option('host') ?? '127.0.0.1',
    errors: !process.argv.includes('--no-errors'),
    dynamic: process.argv.includes('--dynamic'),
    log: process.stdout,
  });
  console.log(`\nMock LoginRadius API listening on ${server.url}`);
  console.log(`Point the client at it: createClient({ apiKey: 'any-key', apiSecret: 'any-secret', baseUrl: '${server.url}' })`);
  console.log('Press Ctrl-C to stop.');
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
