/**
 * The `loginradius-mock` command (and the repo's `npm run mock`): a mock LoginRadius on a fixed port for
 * trying the client by hand or pointing a front end at. Prints the base URL and how to use it, forwards
 * Prism's request log, and stops Prism cleanly on Ctrl-C.
 */
import { startMockLoginRadius, type MockLoginRadius, type MockLoginRadiusOptions } from './mock-server';

const USAGE = `Usage: loginradius-mock [options]

Serves a mock of the LoginRadius V2 API (Prism, from the spec bundled with loginradius-client). Requests
are always validated: a missing credential is a 401, a malformed body a 400, as LoginRadius answers.

Options:
  --port <n>       port to listen on (default 4010; 0 picks a free port)
  --host <host>    interface to listen on (default 127.0.0.1)
  --errors         answer HTTP 500 when a response would not match the spec (default)
  --no-errors      send such a response anyway, flagged in an sl-violations header
  --dynamic        generate responses from the schemas instead of the documented examples
  --spec <file>    serve another OpenAPI document
  --stateful       run the emulator that remembers accounts, sessions and messages (still validated by
                   Prism); control surface under /__emulator/ (outbox, accounts, reset, seed, clock)
  --state <file>   with --stateful: keep the state in this JSON file across restarts
  --api-key <key>  with --stateful: the emulated app's API key (default test-api-key)
  --api-secret <s> with --stateful: the emulated app's API secret (default test-api-secret)
  --quiet          do not print the request log
  -h, --help       show this help`;

/** The parsed command line. */
export interface MockCliOptions extends MockLoginRadiusOptions {
  readonly help: boolean;
  readonly quiet: boolean;
  /** Run the stateful emulator (`--stateful`). */
  readonly stateful: boolean;
  /** `--state <file>`: where the stateful emulator keeps its state. */
  readonly stateFile?: string;
  /** `--api-key`: the emulated app's API key. */
  readonly apiKey?: string;
  /** `--api-secret`: the emulated app's API secret. */
  readonly apiSecret?: string;
}

/** Parses the command line (without the node and script paths). Throws an `Error` naming a bad option. */
export function parseMockCliArgs(argv: readonly string[]): MockCliOptions {
  let port = 4010;
  let host = '127.0.0.1';
  let errors = true;
  let dynamic = false;
  let help = false;
  let quiet = false;
  let specFile: string | undefined;
  let stateful = false;
  const app: { stateFile?: string; apiKey?: string; apiSecret?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--port': {
        const v = value();
        port = Number(v);
        if (!/^\d+$/.test(v) || port > 65_535) throw new Error(`--port must be a port number from 0 to 65535, not "${v}"`);
        break;
      }
      case '--host':
        host = value();
        break;
      case '--spec':
        specFile = value();
        break;
      case '--errors':
        errors = true;
        break;
      case '--no-errors':
        errors = false;
        break;
      case '--stateful':
        stateful = true;
        break;
      case '--state':
        app.stateFile = value();
        break;
      case '--api-key':
        app.apiKey = value();
        break;
      case '--api-secret':
        app.apiSecret = value();
        break;
      case '--dynamic':
        dynamic = true;
        break;
      case '--quiet':
        quiet = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      default:
        throw new Error(`unknown option "${arg}"`);
    }
  }
  if (!stateful && Object.keys(app).length > 0) throw new Error('--state, --api-key and --api-secret need --stateful');
  if (stateful && !errors)
    throw new Error('--no-errors cannot be used with --stateful: Prism always refuses an emulated answer that breaks the spec');
  return { port, host, errors, dynamic, help, quiet, stateful, ...app, ...(specFile === undefined ? {} : { specFile }) };
}

/**
 * Runs the command until Ctrl-C (SIGINT) or SIGTERM, then stops Prism and exits 0. Exits 2 on a bad command
 * line and 1 when the mock cannot start (for example when Prism is not installed).
 */
export async function runMockCli(argv: readonly string[]): Promise<void> {
  let options: MockCliOptions;
  try {
    options = parseMockCliArgs(argv);
  } catch (error) {
    process.stderr.write(`loginradius-mock: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Prism first prints one line per route (a couple of hundred); only the request log that follows is useful.
  let started = false;
  const log = { write: (text: string) => started && !options.quiet && process.stdout.write(text) };
  let mock: MockLoginRadius;
  let credentials = "apiKey: 'any-api-key', apiSecret: 'any-api-secret'";
  try {
    if (options.stateful) {
      const { errors: _errors, ...rest } = options;
      const stateful = await startMockLoginRadius({ ...rest, stateful: true, log });
      credentials = `apiKey: '${stateful.app.apiKey}', apiSecret: '${stateful.app.apiSecret}'`;
      mock = stateful;
    } else mock = await startMockLoginRadius({ ...options, log });
  } catch (error) {
    process.stderr.write(`loginradius-mock: ${(error as Error).message}\n`);
    process.exit(1);
  }
  started = true;
  process.stdout.write(
    `Mock LoginRadius API listening on ${mock.url}` +
      (options.stateful
        ? ` (stateful emulator${options.stateFile === undefined ? '' : `, state in ${options.stateFile}`}; outbox at ${mock.url}/__emulator/outbox)\n`
        : ` (${options.dynamic ? 'generated' : 'documented example'} responses${options.errors === false ? ', --no-errors' : ''})\n`) +
      `Point the client at it: createClient({ ${credentials}, baseUrl: '${mock.url}' })\n` +
      'Press Ctrl-C to stop.\n',
  );
  const stop = (): void => {
    void mock.stop().then(() => {
      process.stdout.write('Mock LoginRadius stopped.\n');
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
