/**
 * `npm run mock`: a Prism mock of the whole LoginRadius API on port 4010, for local development. The same
 * command as the package's `loginradius-mock` bin: --port N, --host H, --errors/--no-errors, --dynamic,
 * --stateful [--state file.json], --help.
 */
import { runMockCli } from '../src/testing/cli';

void runMockCli(process.argv.slice(2));
