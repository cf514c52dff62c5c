/**
 * What changed for callers between two generations, from the API surfaces recorded in the spec locks, and
 * which changes break them: a removed function, a new required parameter or body field, a removed parameter,
 * body or result field, a type that changed, a deprecated alias dropped. A function renamed with its old name kept
 * as a deprecated alias (`formerly`) breaks nobody: it is reported as a rename, and compared with its old self.
 */
import type { ApiSurface, FunctionSurface } from './api-surface';

export interface ApiChange {
  readonly fn: string;
  readonly breaking: boolean;
  readonly what: string;
}

export function diffApi(before: ApiSurface, after: ApiSurface): ApiChange[] {
  const changes: ApiChange[] = [];
  // Old name → new name, for each function renamed with its old name kept as a deprecated alias: no caller breaks.
  const renamedTo = new Map<string, string>();
  for (const [fn, now] of Object.entries(after))
    for (const old of now.formerly ?? []) if (old in before && !(old in after)) renamedTo.set(old, fn);
  const renamedFrom = new Map([...renamedTo].map(([old, fn]) => [fn, old]));
  for (const fn of Object.keys(before)) {
    if (fn in after) continue;
    const to = renamedTo.get(fn);
    changes.push(
      to
        ? { fn, breaking: false, what: `renamed to \`${to}\`; the old name stays exported as a deprecated alias` }
        : { fn, breaking: true, what: `removed (was \`${before[fn]!.call}\`)` },
    );
  }
  for (const [fn, now] of Object.entries(after)) {
    const was = before[fn] ?? before[renamedFrom.get(fn) ?? ''];
    if (!was) changes.push({ fn, breaking: false, what: `added: \`${now.call}\`` });
    else changes.push(...diffFunction(fn, was, now), ...droppedAliases(fn, was, now));
  }
  return changes.sort((a, b) => Number(b.breaking) - Number(a.breaking) || (a.fn < b.fn ? -1 : a.fn > b.fn ? 1 : 0));
}

/** A deprecated alias that disappears breaks whoever still calls the old name. */
function droppedAliases(fn: string, was: FunctionSurface, now: FunctionSurface): ApiChange[] {
  const kept = new Set(now.formerly ?? []);
  return (was.formerly ?? [])
    .filter((old) => !kept.has(old))
    .map((old) => ({ fn, breaking: true, what: `deprecated alias \`${old}\` removed` }));
}

function diffFunction(fn: string, was: FunctionSurface, now: FunctionSurface): ApiChange[] {
  const changes: ApiChange[] = [];
  if (was.call !== now.call) changes.push({ fn, breaking: false, what: `now calls \`${now.call}\` (was \`${was.call}\`)` });
  changes.push(...diffFields(fn, 'parameter', was.params, now.params, { removedBreaks: true }));
  changes.push(...diffFields(fn, 'body field', was.body ?? {}, now.body ?? {}, { removedBreaks: true }));
  // A result field that appears breaks nobody; one that disappears breaks whoever reads it.
  changes.push(...diffFields(fn, 'result field', was.result, now.result, { removedBreaks: true, addedNeverBreaks: true }));
  return changes;
}

function diffFields(
  fn: string,
  kind: string,
  was: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
  rules: { removedBreaks: boolean; addedNeverBreaks?: boolean },
): ApiChange[] {
  const changes: ApiChange[] = [];
  for (const [name, type] of Object.entries(was)) {
    if (!(name in now)) changes.push({ fn, breaking: rules.removedBreaks, what: `${kind} \`${name}\` removed` });
    else if (now[name] !== type) {
      const nowRequired = now[name]!.endsWith('!') && !type.endsWith('!');
      const what =
        nowRequired && now[name]!.slice(0, -1) === type
          ? `${kind} \`${name}\` is now required`
          : `${kind} \`${name}\` changed from \`${type}\` to \`${now[name]}\``;
      // Becoming optional breaks nobody; any other change of type breaks code written against the old one.
      const loosened = !nowRequired && type.endsWith('!') && type.slice(0, -1) === now[name];
      changes.push({ fn, breaking: !loosened, what });
    }
  }
  for (const [name, type] of Object.entries(now)) {
    if (name in was) continue;
    const required = type.endsWith('!') && !rules.addedNeverBreaks;
    changes.push({ fn, breaking: required, what: `new ${required ? 'required ' : ''}${kind} \`${name}\`` });
  }
  return changes;
}
