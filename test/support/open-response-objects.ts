// Where a response type would take any field name: objects in the schemas operations answer with that list their
// `properties` and still say `additionalProperties: true`, which openapi-typescript turns into an index signature.

type Json = Record<string, unknown>;

const SCHEMA_REF = /^#\/components\/schemas\/(.+)$/;

/** The `$ref`s found anywhere under `node`, examples excepted (their values are data, not schemas). */
function refsUnder(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const item of node) refsUnder(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value);
      else if (key !== 'example' && key !== 'examples') refsUnder(value, found);
    }
  }
  return found;
}

/** Follows a local `#/components/<kind>/<name>` reference to what it names. */
function target(doc: Json, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
}

/**
 * The component schemas some response can contain: every status of every operation, the shared responses they
 * name, and the schemas those name in turn. Schemas that requests share (profile parts) are among them.
 */
export function responseSchemaNames(doc: Json): Set<string> {
  const pending: string[] = [];
  for (const item of Object.values(doc.paths as Json)) {
    for (const op of Object.values(item as Json)) {
      const operation = op as Json;
      if (typeof operation !== 'object' || operation === null || !operation.responses) continue;
      pending.push(...refsUnder(operation.responses));
      for (const variant of (operation['x-lr-sdk-methods'] ?? []) as Json[]) {
        if (typeof variant.response === 'string') pending.push(`#/components/schemas/${variant.response}`);
      }
    }
  }
  const seen = new Set<string>();
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    pending.push(...refsUnder(target(doc, ref)));
  }
  return new Set([...seen].flatMap((ref) => SCHEMA_REF.exec(ref)?.[1] ?? []));
}

/** The places under one schema (`Name`, `Name.properties.Field.items`) that list properties and allow any others. */
function openObjectsUnder(schema: unknown, where: string): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => openObjectsUnder(item, `${where}[${i}]`));
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Json;
  const here = node.properties !== undefined && node.additionalProperties === true ? [where] : [];
  const below = Object.entries(node)
    .filter(([key]) => key !== 'example' && key !== 'examples' && key !== 'enum' && key !== 'const' && key !== 'default')
    .flatMap(([key, value]) =>
      key === 'properties' && value !== null && typeof value === 'object'
        ? Object.entries(value).flatMap(([name, property]) => openObjectsUnder(property, `${where}.properties.${name}`))
        : openObjectsUnder(value, `${where}.${key}`),
    );
  return [...here, ...below];
}

/** Every object a response can contain that lists its properties yet allows any other field, sorted. */
export function openResponseObjects(doc: Json): string[] {
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  return [...responseSchemaNames(doc)].flatMap((name) => openObjectsUnder(schemas[name], name)).sort();
}
