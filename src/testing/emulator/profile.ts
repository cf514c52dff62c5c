/**
 * Profiles: LoginRadius takes profile fields in any letter case (the client sends `firstName`, the Management
 * API documents `FirstName`) and returns them in PascalCase. The emulator stores PascalCase and converts
 * what it receives.
 */

/** Fields a request may never set directly: the server owns them. */
const SERVER_OWNED = new Set(['Uid', 'ID', 'Password', 'PasswordHash', 'Identities']);

/** Identifier fields whose profile spelling is not the PascalCase of every spelling a request uses (`username`). */
const IDENTIFIER_FIELDS: ReadonlyMap<string, string> = new Map([
  ['username', 'UserName'],
  ['phoneid', 'PhoneId'],
]);

/** `firstName` → `FirstName`; `username` → `UserName`. */
function pascalCase(name: string): string {
  return IDENTIFIER_FIELDS.get(name.toLowerCase()) ?? name.charAt(0).toUpperCase() + name.slice(1);
}

/** The profile fields of a request body, PascalCased, without the ones the server owns. */
export function profileFields(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object') return {};
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const key = pascalCase(name);
    if (!SERVER_OWNED.has(key)) fields[key] = key === 'Email' ? emailList(value) : value;
  }
  return fields;
}

/** A body field by name in any letter case (`password`, `Password`). */
export function field(body: unknown, name: string): unknown {
  if (body === null || typeof body !== 'object') return undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(body)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** The email addresses of a body's `Email` array (`[{ Type, Value }]`, keys in any case). */
export function emailList(value: unknown): { Type: string; Value: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const address = field(entry, 'value');
    if (typeof address !== 'string') return [];
    const type = field(entry, 'type');
    return [{ Type: typeof type === 'string' ? type : 'Primary', Value: address }];
  });
}

/** The address used to sign in: the first of the profile's emails. */
export function primaryEmail(profile: Record<string, unknown>): string | undefined {
  const emails = profile.Email;
  return Array.isArray(emails) ? (emails[0] as { Value?: string } | undefined)?.Value : undefined;
}
