/**
 * Checks a request body against its operation's {@link BodyShape} before anything is sent: required fields
 * present, each field's JSON type and listed values, no unknown field where the spec closes the body. The top
 * level only: a nested object's own fields are left to LoginRadius, which keeps each operation's data small.
 * Messages name fields and types, never a value: body fields carry passwords, OTPs and tokens.
 */
import type { BodyShape } from '../operation';
import { caseHint } from './case-hint';

/** The field at fault and what is wrong with it. */
export type BodyProblem = readonly [field: string, message: string];

type Field = readonly [name: string, value: unknown];
type Codes = ReadonlyMap<string, string>;

// The type letters of a BodyShape code: what each is called in a message, and how a value is recognised.
const TYPES: Readonly<Record<string, readonly [string, (value: unknown) => boolean]>> = {
  s: ['a string', (v) => typeof v === 'string'],
  i: ['an integer', (v) => Number.isInteger(v)],
  n: ['a number', (v) => Number.isFinite(v)],
  b: ['a boolean', (v) => typeof v === 'boolean'],
  a: ['an array', (v) => Array.isArray(v)],
  o: ['an object', (v) => typeof v === 'object' && v !== null && !Array.isArray(v)],
  z: ['null', (v) => v === null],
};

/**
 * The first problem of `body` against its shape, or `undefined` when it fits. Against the alternatives of a
 * `oneOf` it fits when it fits any; otherwise the problem reported is that of the alternative most of the
 * body's fields fit (for an OAuth grant, the one whose `grant_type` it names), as the one the caller meant.
 */
export function bodyProblem(shape: BodyShape | readonly BodyShape[], body: object): BodyProblem | undefined {
  // JSON leaves out fields whose value is undefined, so they are not sent and not checked.
  const fields: Field[] = Object.entries(body).filter(([, value]) => value !== undefined);
  if (!Array.isArray(shape)) return shapeProblem(codesByName(shape as BodyShape), fields);
  let closest: BodyProblem | undefined;
  let bestFit = -1;
  for (const alternative of (shape as readonly BodyShape[]).map(codesByName)) {
    const problem = shapeProblem(alternative, fields);
    if (problem === undefined) return undefined;
    const fit = fields.filter(([name, value]) => fieldProblem(alternative, name, value) === undefined).length;
    if (fit > bestFit) [closest, bestFit] = [problem, fit];
  }
  return closest && [closest[0], `${closest[1]} (checked against the closest of the ${shape.length} body forms it accepts)`];
}

/** The shape turned around: each field's name to its code. */
function codesByName(shape: BodyShape): Codes {
  return new Map(Object.entries(shape).flatMap(([code, names]) => names.split(' ').map((name) => [name, code] as const)));
}

function shapeProblem(shape: Codes, fields: readonly Field[]): BodyProblem | undefined {
  for (const [name, value] of fields) {
    const problem = fieldProblem(shape, name, value);
    if (problem !== undefined) return [name, problem];
  }
  const given = fields.map(([name]) => name);
  for (const [name, code] of shape) {
    if (code[0] === '!' && !given.includes(name)) return [name, `missing required body field "${name}"${caseHint(name, given)}`];
  }
  return undefined;
}

function fieldProblem(shape: Codes, name: string, value: unknown): string | undefined {
  const code = shape.get(name) ?? shape.get('*');
  if (code === undefined) {
    const known = [...shape.keys()];
    return `unknown body field "${name}"${caseHint(name, known) || ` (known: ${known.join(', ')})`}`;
  }
  const split = code.indexOf('=');
  const types = [...(split < 0 ? code : code.slice(0, split)).replace('!', '')];
  if (types.length > 0 && !types.some((t) => TYPES[t]![1](value))) {
    return `body field "${name}" must be ${types.map((t) => TYPES[t]![0]).join(' or ')}, got ${kindOf(value)}`;
  }
  const listed = split < 0 ? undefined : code.slice(split + 1).split('|');
  if (listed && typeof value === 'string' && !listed.includes(value)) {
    return `body field "${name}" must be one of ${listed.map((v) => `"${v}"`).join(', ')}`;
  }
  return undefined;
}

/** What a value is, in a message's words, without the value itself. */
function kindOf(value: unknown): string {
  const type = 'zaosbn'.split('').find((t) => TYPES[t]![1](value));
  return type === undefined ? `a ${typeof value}` : TYPES[type]![0];
}
