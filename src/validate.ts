import { LoginRadiusValidationError } from './errors';
import type { OperationDescriptor, OperationParams, ParamType } from './operation';

const PARAM_KEYS: ReadonlySet<string> = new Set(['path', 'query', 'body', 'accessToken', 'sott']);
// Control characters would let a value rewrite the request line or headers.
const CONTROL_CHARS = /[\x00-\x1f\x7f]/;

/**
 * Checks a call's params against its operation before anything is sent: required path, query and body
 * parameters present, runtime-checkable types right, path values safe to put in a URL, no unknown keys
 * (query names are case-sensitive, so a wrongly cased name is caught here instead of silently ignored).
 */
export function validateParams(op: OperationDescriptor, params: unknown): OperationParams {
  if (params === undefined) params = {};
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw invalid(op, 'params', 'params must be an object such as { query, body }');
  }
  const p = params as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!PARAM_KEYS.has(key)) {
      throw invalid(op, key, `unknown param "${key}"; params take path, query, body, accessToken and sott`);
    }
  }
  validatePath(op, p.path);
  validateQuery(op, p.query);
  validateBody(op, p.body);
  for (const credential of ['accessToken', 'sott'] as const) {
    const value = p[credential];
    if (value !== undefined && (typeof value !== 'string' || value === '' || CONTROL_CHARS.test(value) || /\s/.test(value))) {
      throw invalid(op, credential, `${credential} must be a non-empty string without spaces`);
    }
  }
  return p as OperationParams;
}

function validatePath(op: OperationDescriptor, path: unknown): void {
  const names = op.pathParams ?? [];
  if (names.length === 0) {
    if (path !== undefined) throw invalid(op, 'path', 'this operation takes no path parameters');
    return;
  }
  if (path === null || typeof path !== 'object') {
    throw invalid(op, 'path', `missing path parameters: pass path: { ${names.join(', ')} }`);
  }
  const values = path as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!names.includes(key)) throw invalid(op, `path.${key}`, `unknown path parameter "${key}" (expected ${names.join(', ')})`);
  }
  for (const name of names) {
    const value = values[name];
    const field = `path.${name}`;
    if (value === undefined || value === null || value === '') throw invalid(op, field, `missing required path parameter ${name}`);
    if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string') {
      throw invalid(op, field, `path parameter ${name} must be a string`);
    }
    const text = String(value);
    // A "/" or ".." would point the request at another endpoint; refuse rather than guess.
    if (text.includes('/') || text.includes('\\') || text.includes('..') || CONTROL_CHARS.test(text)) {
      throw invalid(op, field, `path parameter ${name} must not contain "/", "\\", ".." or control characters`);
    }
  }
}

function validateQuery(op: OperationDescriptor, query: unknown): void {
  const spec = op.query ?? {};
  if (query !== undefined && (query === null || typeof query !== 'object' || Array.isArray(query))) {
    throw invalid(op, 'query', 'query must be an object of query parameters');
  }
  const values = (query ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    const param = spec[name];
    if (!param) {
      const known = Object.keys(spec);
      const hint = known.find((k) => k.toLowerCase() === name.toLowerCase());
      const detail = hint ? ` (did you mean "${hint}"? names are case-sensitive)` : known.length ? ` (known: ${known.join(', ')})` : ' (it takes none)';
      throw invalid(op, `query.${name}`, `unknown query parameter "${name}"${detail}`);
    }
    if (value !== undefined && value !== null && !hasType(value, param.type)) {
      throw invalid(op, `query.${name}`, `query parameter ${name} must be ${article(param.type)}, got ${describe(value)}`);
    }
    if (typeof value === 'string' && CONTROL_CHARS.test(value)) {
      throw invalid(op, `query.${name}`, `query parameter ${name} must not contain control characters`);
    }
  }
  for (const [name, param] of Object.entries(spec)) {
    const value = values[name];
    if (param.required && (value === undefined || value === null || value === '')) {
      throw invalid(op, `query.${name}`, `missing required query parameter ${name}`);
    }
  }
}

function validateBody(op: OperationDescriptor, body: unknown): void {
  if (op.body === undefined) {
    if (body !== undefined) throw invalid(op, 'body', 'this operation takes no request body');
    return;
  }
  if (body === undefined || body === null) {
    if (op.body === 'required') throw invalid(op, 'body', 'missing required request body');
    return;
  }
  if (typeof body !== 'object') throw invalid(op, 'body', `the request body must be a JSON object, got ${describe(body)}`);
}

function hasType(value: unknown, type: ParamType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
  }
}

function article(type: ParamType): string {
  return type === 'integer' || type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
}

function invalid(op: OperationDescriptor, parameter: string, message: string): LoginRadiusValidationError {
  return new LoginRadiusValidationError(`${op.id}: ${message}`, { operation: op.id, parameter });
}
