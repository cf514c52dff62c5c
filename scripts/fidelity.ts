// Prints what the spec lacks compared with LoginRadius's public OpenAPI description, by spec file and
// operation: `npm run fidelity [-- <spec file>...]` (after `npm run generate`). test/spec/fidelity.test.ts
// fails on any of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fidelityGaps } from '../test/support/fidelity';

const spec = JSON.parse(readFileSync(join(__dirname, '..', 'generated', 'openapi.json'), 'utf8'));
const only = process.argv.slice(2).map((f) => f.replace(/^(spec\/)?(paths\/)?/, 'paths/').replace(/(\.yaml)?$/, '.yaml'));
const gaps = fidelityGaps(spec).filter((g) => !only.length || only.includes(g.file));
let file = '';
let operation = '';
for (const g of [...gaps].sort((a, b) => a.file.localeCompare(b.file) || a.endpoint.localeCompare(b.endpoint))) {
  if (g.file !== file) {
    file = g.file;
    console.log(`\n## ${file}`);
  }
  if (`${g.endpoint} ${g.operation}` !== operation) {
    operation = `${g.endpoint} ${g.operation}`;
    console.log(operation);
  }
  if (g.kind !== 'operation') console.log(`  ${g.kind} ${g.name}: ${g.problem}`);
}
console.log(`\n${gaps.length} gaps`);
