// Starts one Prism mock (request validation on) for the whole test run and hands its URL to the tests.
import type { TestProject } from 'vitest/node';
import { startMockLoginRadius, type MockLoginRadius } from '../../src/testing/mock-server';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

let server: MockLoginRadius | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startMockLoginRadius({ errors: true });
  project.provide('prismUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
