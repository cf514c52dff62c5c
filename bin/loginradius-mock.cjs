#!/usr/bin/env node
// `npx loginradius-mock`: a mock LoginRadius API (Prism) on the spec bundled with loginradius-client.
// The command itself is src/testing/cli.ts, built into dist/testing; run `loginradius-mock --help`.
'use strict';

require('../dist/testing/index.js').runMockCli(process.argv.slice(2));
