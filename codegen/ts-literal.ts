/**
 * Writes a JSON-like value as a TypeScript literal in this codebase's style: single quotes, unquoted keys
 * where they are identifiers, one line (the formatter breaks long ones). Stable: keys keep their order.
 */
export function tsLiteral(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${tsLiteral(v)}`).join(', ')} }`;
}

/** Like {@link tsLiteral}, but an object's top-level entries go on their own lines. */
export function tsLiteralBlock(value: Record<string, unknown>): string {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `  ${propertyKey(k)}: ${tsLiteral(v)},\n`).join('')}}`;
}

/** A property name, quoted only when it is not a plain identifier. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
}

/** A single-quoted string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
