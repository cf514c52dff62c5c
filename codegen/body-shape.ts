/**
 * Reads a request body's schema into the compact shape the runtime checks a body against before sending
 * (`BodyShape` in src/operation.ts says how it reads). The top level only: each field's JSON
 * types, whether it is required, its listed values; a nested object's own fields are left to LoginRadius,
 * so each operation's data stays a line or two. Fails on a schema it cannot describe rather than guess.
 */
import type { OpenApiDocument, SchemaObject } from './spec-model';

/** One body form: a field code to the space-separated names it describes (`*`: other fields, when allowed). */
export type BodyShapeData = Record<string, string>;

const TYPE_LETTERS: Readonly<Record<string, string>> = {
  string: 's',
  integer: 'i',
  number: 'n',
  boolean: 'b',
  array: 'a',
  object: 'o',
  null: 'z',
};

/** The shape of a body schema: one form, or one per alternative of a `oneOf` body. */
export function bodyShape(doc: OpenApiDocument, schema: SchemaObject, where: string): BodyShapeData | BodyShapeData[] {
  const body = resolve(doc, schema, where);
  return body.oneOf ? body.oneOf.map((alternative) => objectShape(doc, alternative, where)) : objectShape(doc, body, where);
}

/**
 * One object form. `allOf` parts contribute their fields and required names; whether other fields are allowed
 * is the outer schema's `additionalProperties` (the spec closes a body on the schema that lists its fields).
 */
function objectShape(doc: OpenApiDocument, schema: SchemaObject, where: string): BodyShapeData {
  const outer = resolve(doc, schema, where);
  const parts = [...((outer.allOf as SchemaObject[] | undefined) ?? []).map((part) => resolve(doc, part, where)), outer];
  if (parts.some((part) => part.oneOf || part.anyOf || (part.type !== undefined && part.type !== 'object'))) {
    throw new Error(`${where}: a request body must be an object, or a oneOf of objects, to be checked before sending`);
  }
  const required = new Set(parts.flatMap((part) => (part.required as string[] | undefined) ?? []));
  const codes = new Map<string, string>();
  for (const part of parts) {
    for (const [name, property] of Object.entries((part.properties ?? {}) as Record<string, SchemaObject>)) {
      if (/[\s*]/.test(name)) throw new Error(`${where}: body field "${name}" has a space or "*", which the compact shape cannot hold`);
      codes.set(name, (required.has(name) ? '!' : '') + fieldCode(doc, property, `${where} body field ${name}`));
    }
  }
  const others = outer.additionalProperties;
  if (others !== false) codes.set('*', others === true || others === undefined ? '' : fieldCode(doc, others as SchemaObject, where));
  // Grouped by code, in the order each code first appears: fields of a kind (a profile's many nullable strings) share one entry.
  const shape: BodyShapeData = {};
  for (const [name, code] of codes) shape[code] = shape[code] === undefined ? name : `${shape[code]} ${name}`;
  return shape;
}

/** A field's types and listed values: `s`, `sz`, `s=day|month`; empty types when it takes any value. */
function fieldCode(doc: OpenApiDocument, schema: SchemaObject, where: string): string {
  const field = resolve(doc, schema, where);
  const listed = (field.enum as unknown[] | undefined)?.filter((value) => value !== null);
  if (listed === undefined) return typeLetters(doc, field, where);
  if (listed.some((value) => typeof value !== 'string' || value.includes('|'))) {
    throw new Error(`${where}: only strings without "|" can be listed values`);
  }
  return `${typeLetters(doc, field, where)}=${listed.join('|')}`;
}

/** The JSON types a schema takes, as letters; empty when it takes any value. */
function typeLetters(doc: OpenApiDocument, schema: SchemaObject, where: string): string {
  const alternatives = (schema.oneOf ?? schema.anyOf) as SchemaObject[] | undefined;
  if (alternatives) {
    const letters = alternatives.map((alternative) => typeLetters(doc, resolve(doc, alternative, where), where));
    // One alternative that takes any value makes the whole take any value.
    return letters.includes('') ? '' : [...new Set(letters.join(''))].join('');
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.map((type: string) => TYPE_LETTERS[type] ?? '').join('');
}

function resolve(doc: OpenApiDocument, schema: SchemaObject, where: string): SchemaObject {
  const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref ?? '')?.[1];
  if (schema.$ref === undefined) return schema;
  const target = name === undefined ? undefined : doc.components?.schemas?.[name];
  if (target === undefined) throw new Error(`${where}: cannot resolve ${schema.$ref}`);
  return resolve(doc, target, where);
}
