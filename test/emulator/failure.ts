// The refusal a call through the real client ends in, for the emulator's tests.
import { expect } from 'vitest';
import { LoginRadiusApiError } from '../../src/index';

/** The LoginRadius error code name and HTTP status a call fails with (it must fail with a LoginRadiusApiError). */
export async function failure(call: Promise<unknown>): Promise<{ code: string | undefined; status: number | undefined }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoginRadiusApiError);
  const { code, status } = error as LoginRadiusApiError;
  return { code, status };
}
