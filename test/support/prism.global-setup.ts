// Starts one Prism mock (request validation on) for the whole test run and hands its URL to the tests.
import type { TestProject } from 'vitest/node';
import { startMockServer, type MockServer } from '../../scripts/prism-server';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

let server: MockServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startMockServer({ errors: true });
  project.provide('prismUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
