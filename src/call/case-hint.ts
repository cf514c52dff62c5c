/**
 * The hint for a name that differs from a known one only in case (`Password` for `password`): the body and
 * query names this client checks are case-sensitive, and a casing slip is the commonest way to miss one.
 */
export function caseHint(name: string, known: readonly string[]): string {
  const match = known.find((k) => k !== name && k.toLowerCase() === name.toLowerCase());
  return match === undefined ? '' : ` (did you mean "${match}"? names are case-sensitive)`;
}
