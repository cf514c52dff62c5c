/** Naming rules shared by the emitters. */

/** `loginByEmail` → `LoginByEmail`: the prefix of a function's Params and Result types. */
export function typePrefix(functionName: string): string {
  return functionName.charAt(0).toUpperCase() + functionName.slice(1);
}

/** `paths/webhook.yaml` → `webhook`: a generated module is named after the spec file of its API group. */
export function groupModuleName(specFile: string): string {
  const match = /^paths\/([a-z0-9-]+)\.yaml$/.exec(specFile);
  if (!match) throw new Error(`${specFile}: API group files live in spec/paths/ and are named in kebab case`);
  return match[1]!;
}

/** The module-private constant that holds a function's operation data. */
export function descriptorName(functionName: string): string {
  return `${functionName}Operation`;
}

const CREDENTIAL_WORDS: Record<string, string> = {
  apiKey: 'API key',
  socialApiKey: 'API key (as `key`)',
  apiSecret: 'API secret',
  apiKeyHeader: 'API key (in the `X-LoginRadius-ApiKey` header)',
  socialApiSecret: 'API secret (in the URL as `secret`)',
  accessToken: "user's access token",
  accessTokenInQuery: "user's access token (in the URL as `access_token`)",
  restHookApiKey: 'API key (as `api_key`)',
  restHookApiSecret: 'API secret (in the URL as `api_secret`)',
  sott: 'SOTT',
};

/**
 * One line that says how an operation is called: `` `GET /path` on <host> · credentials: … · safe to retry ``, for
 * the JSDoc and docs/API.md. The app's hub domain (a `{tenant}` server) is named by the config option that sets it.
 */
export function describeCall(c: {
  readonly method: string;
  readonly path: string;
  readonly server: string | undefined;
  readonly security: readonly (readonly string[])[];
  readonly idempotent: boolean;
}): string {
  const host = c.server === undefined ? '' : c.server.includes('{tenant}') ? " on the app's hub domain (`config.hub`)" : ` on ${c.server}`;
  return `\`${c.method} ${c.path}\`${host} · credentials: ${describeSecurity(c.security)}${c.idempotent ? ' · safe to retry' : ''}`;
}

/**
 * `[['apiKey', 'accessToken']]` → `API key + user's access token`; alternatives joined with "or". The
 * request-signing alternative of a secret-bearing set is folded into the secret's wording rather than listed.
 */
export function describeSecurity(security: readonly (readonly string[])[]): string {
  const plain = security.filter((set) => !set.includes('requestSignature'));
  if (plain.length === 0) return 'none';
  const signable = plain.length < security.length;
  const word = (scheme: string): string =>
    scheme === 'apiSecret' && signable ? 'API secret (or a request signature)' : (CREDENTIAL_WORDS[scheme] ?? scheme);
  return plain.map((set) => set.map(word).join(' + ')).join(', or ');
}

/** Spellings kept whole although they hold capitals in a row: every OAuth and M2M name already agrees on them. */
const BRAND_SPELLINGS = /OAuth|M2M/g;

const MISSPELT_WORDS: readonly (readonly [RegExp, string])[] = [
  [/[iI]nValidate/, 'write `invalidate`, not `inValidate`'],
  [/[wW]ebHook/, 'write `Webhook` (one word), not `WebHook`'],
  [/Username/, 'write `UserName`, as LoginRadius spells the field and the other functions do'],
];

/**
 * What breaks the naming rule of spec/README.md in a function name: acronyms spelled as words (`Otp`, `Sms`,
 * `Mfa`, …), a few words spelled one way, and `ByAccessToken` rather than `ByToken` when the token is the user's
 * access token. Empty when the name follows the rule.
 */
export function functionNameProblems(name: string, takesAccessToken: boolean): string[] {
  const problems: string[] = [];
  // The capitals of an acronym, without the one that starts the next word (`PINSMSByPhone` → `PINSMS`).
  for (const run of name.replace(BRAND_SPELLINGS, 'Brand').match(/[A-Z]{2,}(?=[A-Z][a-z]|[^A-Za-z]|$)/g) ?? [])
    problems.push(`spell the acronym \`${run}\` as a word`);
  for (const [pattern, fix] of MISSPELT_WORDS) if (pattern.test(name)) problems.push(fix);
  if (takesAccessToken && /(By|And)Token(?![a-z])/.test(name))
    problems.push("name the user's access token: `ByAccessToken`, not `ByToken`");
  return problems;
}
