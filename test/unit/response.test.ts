import { describe, expect, test } from 'vitest';
import {
  type LoginRadiusApiError,
  LoginRadiusAuthenticationError,
  LoginRadiusBadRequestError,
  LoginRadiusNotFoundError,
  LoginRadiusPermissionDeniedError,
  LoginRadiusRateLimitError,
  LoginRadiusServerError,
  errorCodeName,
  isLoginRadiusError,
} from '../../src/index';
import { readErrorCatalogue } from '../../codegen/emit-error-codes';
import { readResponse } from '../../src/call/response';
import { createScrubber } from '../../src/observe/redact';

const noScrub = (text: string): string => text;
const lrError = JSON.stringify({
  ErrorCode: 906,
  Description: 'Access token has expired.',
  Message: 'Expired',
  IsProviderError: false,
  ProviderErrorResponse: null,
});

describe('readResponse', () => {
  test('returns the parsed body of a 2xx JSON response', () => {
    expect(readResponse('op', { status: 200, headers: new Headers(), text: '{"IsPosted":true}' }, noScrub)).toEqual({
      ok: true,
      data: { IsPosted: true },
    });
  });

  test('treats HTTP 200 with a non-zero ErrorCode as an error', () => {
    const result = readResponse('getProfileByAccessToken', { status: 200, headers: new Headers(), text: lrError }, noScrub);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // 906 is documented as a 403: the error is classified as one, and says what came over the wire.
    expect(result.error).toBeInstanceOf(LoginRadiusPermissionDeniedError);
    expect(result.error).toMatchObject({
      status: 403,
      httpStatus: 200,
      errorCode: 906,
      code: 'ACCESS_TOKEN_EXPIRED',
      description: 'Access token has expired.',
      isProviderError: false,
    });
    expect(result.error.message).toBe('getProfileByAccessToken failed with HTTP 200 (ErrorCode 906): Access token has expired.');
  });

  test.for<[number, new (...args: never[]) => LoginRadiusApiError]>([
    [400, LoginRadiusBadRequestError],
    [401, LoginRadiusAuthenticationError],
    [403, LoginRadiusPermissionDeniedError],
    [404, LoginRadiusNotFoundError],
    [429, LoginRadiusRateLimitError],
    [503, LoginRadiusServerError],
  ])('HTTP %i maps to its subclass', ([status, type]) => {
    const result = readResponse('op', { status, headers: new Headers(), text: lrError }, noScrub);
    expect(!result.ok && result.error).toBeInstanceOf(type);
  });

  test('an HTML page from a proxy becomes an error with a short excerpt, not a parse crash', () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(500)}</body></html>`;
    const result = readResponse('op', { status: 502, headers: new Headers(), text: html }, noScrub);
    expect(!result.ok && result.error).toMatchObject({ status: 502, errorCode: undefined });
    expect(!result.ok && result.error.bodyExcerpt!.length).toBeLessThanOrEqual(201);
    expect(!result.ok && result.error.message).toMatch(/^op failed with HTTP 502 and a body that is not an error object: <html>/);
  });

  test('a JSON answer that is not an object is kept as an excerpt, and body stays the error-body type', () => {
    const result = readResponse('op', { status: 500, headers: new Headers(), text: '["boom", 1]' }, noScrub);
    expect(!result.ok && result.error.body).toBeUndefined();
    expect(!result.ok && result.error.bodyExcerpt).toBe('["boom", 1]');
  });

  test("LoginRadius's error body is typed, its validation list included", () => {
    const text = JSON.stringify({
      ErrorCode: 1134,
      Description: 'Validation failed',
      Errors: [{ FieldName: 'city', ErrorMessage: 'too long' }],
    });
    const result = readResponse('op', { status: 403, headers: new Headers(), text }, noScrub);
    const fields = result.ok ? [] : (result.error.body?.Errors ?? []).map((e) => e.FieldName);
    expect(fields).toEqual(['city']);
  });

  test('an empty 403 from a firewall is an error that says the body was empty', () => {
    const result = readResponse('op', { status: 403, headers: new Headers(), text: '' }, noScrub);
    expect(!result.ok && result.error.message).toBe('op failed with HTTP 403 and an empty body');
  });

  test('a 2xx body that is not JSON is an error', () => {
    expect(readResponse('op', { status: 200, headers: new Headers(), text: 'OK' }, noScrub).ok).toBe(false);
  });

  test('a request id header is surfaced', () => {
    const result = readResponse('op', { status: 500, headers: new Headers({ 'x-request-id': 'req-123' }), text: lrError }, noScrub);
    expect(!result.ok && result.error.requestId).toBe('req-123');
  });

  test("a validator's problem+json findings reach the message, short and scrubbed", () => {
    const problem = {
      type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
      title: 'Invalid request',
      status: 422,
      validation: [
        { location: ['body'], severity: 'Error', code: 'required', message: "must have required property 'password'" },
        { location: ['body', 'otp'], severity: 'Error', code: 'type', message: `must be integer, not the-secret ${'x'.repeat(200)}` },
        ...Array.from({ length: 3 }, () => ({ location: ['query'], message: 'is odd' })),
      ],
    };
    const scrub = (t: string): string => t.replace('the-secret', '[redacted]');
    const result = readResponse('loginByEmail', { status: 422, headers: new Headers(), text: JSON.stringify(problem) }, scrub);
    const message = !result.ok ? result.error.message : '';
    expect(message).toMatch(/^loginByEmail failed with HTTP 422: body must have required property 'password'; body\.otp must be integer/);
    expect(message).toMatch(/; query is odd \(and 2 more\)$/);
    expect(message).not.toContain('the-secret');
    expect(message).not.toContain('x'.repeat(100));
  });

  test('excerpts are scrubbed of secrets', () => {
    const result = readResponse('op', { status: 500, headers: new Headers(), text: 'echo: the-secret' }, (t) =>
      t.replace('the-secret', '[redacted]'),
    );
    expect(!result.ok && result.error.bodyExcerpt).toBe('echo: [redacted]');
  });
});

describe('ErrorCode is normalised', () => {
  const read = (body: unknown, status = 200) => readResponse('op', { status, headers: new Headers(), text: JSON.stringify(body) }, noScrub);

  test('a numeric string becomes a number', () => {
    const result = read({ ErrorCode: ' 906 ', Description: 'Expired' });
    expect(!result.ok && result.error).toMatchObject({ errorCode: 906, description: 'Expired' });
    expect(!result.ok && result.error.message).toBe('op failed with HTTP 200 (ErrorCode 906): Expired');
  });

  test('anything else is left out of errorCode and kept in body', () => {
    const result = read({ ErrorCode: 'E_BAD', Description: 'Odd' }, 400);
    expect(!result.ok && result.error).toMatchObject({ errorCode: undefined, body: { ErrorCode: 'E_BAD' } });
    expect(read({ ErrorCode: { nested: 1 } }, 400).ok).toBe(false);
  });

  test('a zero code in any spelling is success', () => {
    expect(read({ ErrorCode: 0, IsPosted: true })).toMatchObject({ ok: true });
    expect(read({ ErrorCode: '0', IsPosted: true })).toMatchObject({ ok: true });
    expect(read({ ErrorCode: null, IsPosted: true })).toMatchObject({ ok: true });
  });

  test('a Description that is not a string is not used as one', () => {
    const result = read({ ErrorCode: 901, Description: { html: '<b>x</b>' } }, 400);
    expect(!result.ok && result.error.description).toBeUndefined();
  });
});

describe('ErrorCode names', () => {
  const read = (body: unknown, status = 200) => readResponse('op', { status, headers: new Headers(), text: JSON.stringify(body) }, noScrub);

  test('a documented code carries its name; an error in a 200 takes the class of its documented status', () => {
    const locked = read({ ErrorCode: 1148, Description: 'Your account has been locked' });
    expect(!locked.ok && locked.error).toBeInstanceOf(LoginRadiusPermissionDeniedError);
    expect(!locked.ok && locked.error).toMatchObject({ code: 'ACCOUNT_LOCKED_1148', status: 403, httpStatus: 200 });
    const credentials = read({ ErrorCode: 966, Description: 'Invalid user ID and/or password' });
    expect(!credentials.ok && credentials.error).toBeInstanceOf(LoginRadiusAuthenticationError);
    expect(!credentials.ok && credentials.error).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    const body = read({ ErrorCode: 958, Description: 'The post body is invalid' });
    expect(!body.ok && body.error).toBeInstanceOf(LoginRadiusBadRequestError);
    const unknown = read({ ErrorCode: 98765, Description: 'Something new' });
    expect(!unknown.ok && unknown.error).toMatchObject({ code: undefined, status: 200, errorCode: 98765 });
  });

  test('a non-200 answer keeps its HTTP status as the status, and still gets the name', () => {
    const result = read({ ErrorCode: 970, Description: 'Email is not verified' }, 400);
    expect(!result.ok && result.error).toBeInstanceOf(LoginRadiusBadRequestError);
    expect(!result.ok && result.error).toMatchObject({ code: 'EMAIL_NOT_VERIFIED', status: 400, httpStatus: 400 });
  });

  test('isLoginRadiusError narrows by name', () => {
    const result = read({ ErrorCode: 970, Description: 'Email is not verified' }, 403);
    const error: unknown = !result.ok && result.error;
    expect(isLoginRadiusError(error)).toBe(true);
    expect(isLoginRadiusError(error, 'EMAIL_NOT_VERIFIED')).toBe(true);
    expect(isLoginRadiusError(error, 'ACCESS_TOKEN_EXPIRED')).toBe(false);
    expect(isLoginRadiusError(new Error('x'))).toBe(false);
    if (isLoginRadiusError(error, 'EMAIL_NOT_VERIFIED')) expect(error.errorCode).toBe(970);
  });

  test('every code of the catalogue has its name and status', () => {
    const catalogue = readErrorCatalogue();
    expect(catalogue).toHaveLength(335);
    for (const entry of catalogue) {
      const result = read({ ErrorCode: entry.code, Description: entry.message });
      expect(!result.ok && result.error, String(entry.code)).toMatchObject({ code: entry.name, status: entry.status, httpStatus: 200 });
      expect(errorCodeName(entry.code)).toBe(entry.name);
    }
  });
});

describe('the edges of reading an answer', () => {
  const text = (status: number, body: string) => readResponse('op', { status, headers: new Headers(), text: body }, noScrub);

  test('2xx is 200 to 299', () => {
    expect(text(299, '{}').ok).toBe(true);
    expect(text(300, '{}').ok).toBe(false);
    expect(text(199, '{}').ok).toBe(false);
  });

  test('only a JSON object can carry an ErrorCode; an empty one is no error', () => {
    expect(text(200, '[{"ErrorCode":5}]')).toEqual({ ok: true, data: [{ ErrorCode: 5 }] });
    expect(text(200, 'null')).toEqual({ ok: true, data: null });
    expect(text(200, '"ErrorCode"')).toEqual({ ok: true, data: 'ErrorCode' });
    expect(text(200, '{"ErrorCode":""}').ok).toBe(true);
    expect(text(200, '{"ErrorCode":"5"}').ok).toBe(false);
  });

  test('an excerpt flattens runs of whitespace, trims, and cuts at 200 characters', () => {
    const excerpt = (body: string) => {
      const result = text(502, body);
      return result.ok ? undefined : result.error.bodyExcerpt;
    };
    expect(excerpt('  <b>a   \n\t b</b>  ')).toBe('<b>a b</b>');
    expect(excerpt('x'.repeat(200))).toBe('x'.repeat(200));
    expect(excerpt('x'.repeat(201))).toBe(`${'x'.repeat(200)}…`);
  });

  test('only a body longer than the 16 KiB looked at is treated as cut', () => {
    const scrub = createScrubber(() => ['supersecret']);
    const endingIn = (length: number) => `${' '.repeat(length - 3)}sup`;
    const exact = readResponse('op', { status: 502, headers: new Headers(), text: endingIn(16 * 1024) }, scrub);
    expect(!exact.ok && exact.error.bodyExcerpt).toBe('sup');
    const longer = readResponse('op', { status: 502, headers: new Headers(), text: `${endingIn(16 * 1024)}ersecret` }, scrub);
    expect(!longer.ok && longer.error.bodyExcerpt).toBe('[redacted]');
  });
});

describe('operations documented with an empty or a text answer', () => {
  const answer = (status: number, text: string) => ({ status, headers: new Headers(), text });
  test('a text operation resolves to the page; its errors are still typed from JSON', () => {
    expect(readResponse('handleBigCommerceAuth', answer(200, '<html>ok</html>'), noScrub, 0, false, true)).toEqual({
      ok: true,
      data: '<html>ok</html>',
    });
    const failed = readResponse('handleBigCommerceAuth', answer(403, lrError), noScrub, 0, false, true);
    expect(failed.ok).toBe(false);
  });
  test('an empty 200 succeeds only where documented, and a JSON operation never returns raw text', () => {
    expect(readResponse('revokeM2MToken', answer(200, ''), noScrub, 0, true)).toEqual({ ok: true, data: undefined });
    expect(readResponse('getM2MJwks', answer(200, ''), noScrub, 0).ok).toBe(false);
    expect(readResponse('getM2MJwks', answer(200, '<html>proxy</html>'), noScrub, 0).ok).toBe(false);
  });
});
