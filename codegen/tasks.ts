/**
 * The task index of docs/API.md, from the hand-maintained spec/tasks.yaml: what people come to do and the
 * functions that do it. Read and checked here, so a renamed or removed function fails the generation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface Task {
  readonly task: string;
  readonly functions: readonly string[];
}

const TASKS = join(__dirname, '..', 'spec', 'tasks.yaml');

/** The tasks, each naming at least one function. */
export function readTaskIndex(file: string = TASKS): Task[] {
  const tasks = parse(readFileSync(file, 'utf8')) as Task[];
  for (const t of tasks) {
    if (typeof t.task !== 'string' || !Array.isArray(t.functions) || t.functions.length === 0)
      throw new Error(`spec/tasks.yaml: every entry needs a task and at least one function (${JSON.stringify(t)})`);
  }
  return tasks;
}

/** Fails on a task that names a function the spec does not generate. */
export function checkTaskIndex(tasks: readonly Task[], functionNames: ReadonlySet<string>): void {
  for (const t of tasks) {
    const unknown = t.functions.filter((name) => !functionNames.has(name));
    if (unknown.length) throw new Error(`spec/tasks.yaml: "${t.task}" names ${unknown.join(', ')}, which the spec does not generate`);
  }
}
