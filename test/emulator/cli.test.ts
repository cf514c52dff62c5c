// The stateful options of `loginradius-mock`.
import { expect, test } from 'vitest';
import { parseMockCliArgs } from '../../src/testing/cli';

test.for([
  ['no options: the plain mock', [], { stateful: false }],
  ['--stateful', ['--stateful'], { stateful: true, errors: true }],
  [
    '--state, --api-key and --api-secret',
    ['--stateful', '--state', 's.json', '--api-key', 'k', '--api-secret', 's'],
    { stateFile: 's.json', apiKey: 'k', apiSecret: 's' },
  ],
] as const)('%s', ([, argv, want]) => {
  expect(parseMockCliArgs(argv)).toMatchObject(want);
});

test.for([
  ['--state without --stateful', ['--state', 's.json'], /need --stateful/],
  ['--no-errors with --stateful', ['--stateful', '--no-errors'], /--no-errors cannot be used with --stateful/],
] as const)('rejects %s', ([, argv, message]) => {
  expect(() => parseMockCliArgs(argv)).toThrow(message);
});
