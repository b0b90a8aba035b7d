import { $Refs } from "@apidevtools/json-schema-ref-parser";
import mergeAllOf from "json-schema-merge-allof";

/**
 * Loading and resolving a schema, shared by the field reader and the form
 * schema builder.
 *
 * References are looked up with json-schema-ref-parser's `$Refs` registry,
 * holding this one document only: external resolution is never started
 * and a reference to another document is recognised before any lookup, so
 * nothing outside the document is ever read or fetched. Lookups are lazy,
 * one reference at a time as the walkers meet them, rather than the
 * library's whole-document dereference: that is synchronous (readSchema,
 * checkRender and the analyser are), several times faster on large
 * schemas, and lets the walkers keep the stack of references they are
 * inside, which is what ends recursion.
 */

export type SchemaObject = Record<string, unknown>;

export interface LoadedSchema {
  root: SchemaObject;
  /** The library's registry of this document, for pointer lookups. */
  refs: $Refs;
  /** Base URI ($id) of the document, to recognise absolute self-refs. */
  baseUri: string | null;
  warnings: string[];
  /**
   * allOf merges by source node: a definition used fifty times is merged
   * once.
   */
  merged: WeakMap<object, Merged>;
  /** Pointer lookups, by the "#..." text of the reference. */
  targets: Map<string, unknown>;
}

interface Merged {
  schema: SchemaObject;
  skipped: string[];
  cacheable: boolean;
}

/** The result of resolving one node: its merged schema or why it stops. */
export type Resolved =
  | {
      status: "ok";
      schema: SchemaObject;
      refStack: string[];
      /** References left out of the merge: other documents, or broken. */
      skipped: string[];
    }
  | { status: "external"; ref: string }
  | { status: "recursive"; ref: string }
  | { status: "missing"; ref: string };

const MAX_REF_HOPS = 32;

// A made-up base address: local "#/..." pointers resolve against it, and
// nothing can be read from it.
const BASE_PATH = "schema-render:/entry.json";

/** Registers the document for lookups; the input is never modified. */
export function loadSchema(schema: SchemaObject): LoadedSchema {
  const refs = new $Refs();
  const root = refs._add(BASE_PATH);
  root.value = schema;
  const baseUri = typeof schema.$id === "string" ? schema.$id : null;
  return {
    root: schema,
    refs,
    baseUri,
    warnings: [],
    merged: new WeakMap(),
    targets: new Map(),
  };
}

export function isSchemaObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Follows $refs left in `node`, then merges its allOf. `refStack` lists the
 * references already being expanded above this node: meeting one again is
 * recursion, and ends there.
 */
export function resolveNode(
  loaded: LoadedSchema,
  node: unknown,
  refStack: string[],
): Resolved {
  let current: SchemaObject = isSchemaObject(node) ? node : {};
  let stack = refStack;
  const skipped: string[] = [];

  for (let hop = 0; typeof current.$ref === "string"; hop++) {
    const ref = current.$ref;
    const { $ref: _ref, ...siblings } = current;
    const local = localPointer(ref, loaded.baseUri);
    const target = local === null ? undefined : lookup(loaded, local);
    if (local !== null && (stack.includes(ref) || hop > MAX_REF_HOPS)) {
      return { status: "recursive", ref };
    }
    if (target === undefined) {
      // A reference beside its own properties is a base schema; without
      // it the node's own keywords are still worth reading.
      if (!describesSomething(siblings)) {
        return { status: local === null ? "external" : "missing", ref };
      }
      skipped.push(ref);
      current = siblings;
      break;
    }
    const found = isSchemaObject(target) ? target : {};
    // Reusing the target object itself keeps allOf merges cacheable.
    current =
      Object.keys(siblings).length > 0 ? { ...found, ...siblings } : found;
    stack = [...stack, ref];
  }

  if (Array.isArray(current.allOf)) {
    const cached = loaded.merged.get(current);
    const result = cached ?? mergeAll(loaded, current, stack);
    if (!cached && result.cacheable) loaded.merged.set(current, result);
    current = result.schema;
    skipped.push(...result.skipped);
  }
  return { status: "ok", schema: current, refStack: stack, skipped };
}

const SHAPE_KEYWORDS = [
  "type",
  "properties",
  "items",
  "allOf",
  "oneOf",
  "anyOf",
  "enum",
  "const",
];

function describesSomething(schema: SchemaObject): boolean {
  return SHAPE_KEYWORDS.some((k) => schema[k] !== undefined);
}

/** The "#..." part of a reference into this document; null otherwise. */
function localPointer(ref: string, baseUri: string | null): string | null {
  const base = baseUri?.replace(/#$/, "") ?? null;
  const rest = base && ref.startsWith(base) ? ref.slice(base.length) : ref;
  if (rest === "" || rest === "#") return "#";
  return rest.startsWith("#/") ? rest : null;
}

function lookup(loaded: LoadedSchema, pointer: string): unknown {
  if (loaded.targets.has(pointer)) return loaded.targets.get(pointer);
  let target: unknown;
  try {
    target = loaded.refs.get(pointer);
  } catch {
    // The library throws for a pointer that names nothing.
    target = undefined;
  }
  loaded.targets.set(pointer, target);
  return target;
}

/**
 * Merges allOf with json-schema-merge-allof, one level at a time (the walk
 * reaches nested allOfs itself). if/then/else parts are kept aside as
 * `x-conditions`, since they are not merged but read as conditional fields.
 */
function mergeAll(
  loaded: LoadedSchema,
  schema: SchemaObject,
  refStack: string[],
): Merged {
  const { allOf, ...base } = schema;
  const skipped: string[] = [];
  // A part that is a reference back up the stack depends on where the
  // node was reached from, so that merge is not reused elsewhere.
  let cacheable = true;
  const conditions: SchemaObject[] = [];
  const parts: SchemaObject[] = [];

  for (const entry of allOf as unknown[]) {
    const resolved = resolveNode(loaded, entry, refStack);
    if (resolved.status !== "ok") {
      if (resolved.status === "recursive") cacheable = false;
      else skipped.push(resolved.ref);
      continue;
    }
    skipped.push(...resolved.skipped);
    const { if: cond, then, else: otherwise, ...rest } = resolved.schema;
    if (cond !== undefined)
      conditions.push({ if: cond, then, else: otherwise });
    parts.push(rest);
  }

  const merged = safeMerge(base, parts);
  const own = Array.isArray(merged["x-conditions"])
    ? (merged["x-conditions"] as SchemaObject[])
    : [];
  const all = [...own, ...conditions];
  const result = all.length > 0 ? { ...merged, "x-conditions": all } : merged;
  return { schema: result, skipped, cacheable };
}

function safeMerge(base: SchemaObject, parts: SchemaObject[]): SchemaObject {
  const stubs = new Stubs();
  const [stubBase, ...stubParts] = stubs.shallow([base, ...parts]);
  try {
    const merged = mergeAllOf(
      { ...stubBase, allOf: stubParts } as never,
      {
        deep: false,
        ignoreAdditionalProperties: true,
        resolvers: { defaultResolver: (values: unknown[]) => values[0] },
      } as never,
    ) as SchemaObject;
    return stubs.restore(merged);
  } catch {
    // Contradicting parts (a string and a number) cannot be merged; a
    // person still needs to see the fields, so the parts are laid over
    // each other, properties and required lists combined.
    return overlay(base, parts);
  }
}

const SUBSCHEMA_KEYS = [
  "items",
  "additionalItems",
  "additionalProperties",
  "propertyNames",
  "contains",
  "not",
];
const CHOICE_KEYS = ["oneOf", "anyOf"];

/**
 * The merge library deep-clones and walks every subschema it is given,
 * which on a large dereferenced schema costs tens of milliseconds per
 * allOf. A subschema that only one part has needs no merging, so it is
 * swapped for a small stub before the merge and put back after it.
 */
class Stubs {
  private readonly saved: unknown[] = [];

  shallow(parts: SchemaObject[]): SchemaObject[] {
    const counts = new Map<string, number>();
    const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const part of parts) {
      for (const name of Object.keys(propertiesOf(part))) count(`p:${name}`);
      for (const key of [...SUBSCHEMA_KEYS, ...CHOICE_KEYS])
        if (part[key] !== undefined) count(key);
    }
    return parts.map((part) => this.shallowPart(part, counts));
  }

  private shallowPart(part: SchemaObject, counts: Map<string, number>) {
    const copy: SchemaObject = { ...part };
    delete copy.definitions;
    delete copy.$defs;
    const own = propertiesOf(part);
    if (Object.keys(own).length > 0) {
      copy.properties = Object.fromEntries(
        Object.entries(own).map(([name, node]) => [
          name,
          counts.get(`p:${name}`) === 1 ? this.stub(node) : node,
        ]),
      );
    }
    for (const key of SUBSCHEMA_KEYS) {
      if (part[key] !== undefined && counts.get(key) === 1)
        copy[key] = this.stub(part[key]);
    }
    for (const key of CHOICE_KEYS) {
      const list = part[key];
      if (Array.isArray(list) && counts.get(key) === 1)
        copy[key] = list.map((node) => this.stub(node));
    }
    return copy;
  }

  private stub(node: unknown): unknown {
    if (!isSchemaObject(node)) return node;
    this.saved.push(node);
    return { "x-stub": this.saved.length - 1 };
  }

  restore(merged: SchemaObject): SchemaObject {
    const back = (node: unknown): unknown => {
      if (!isSchemaObject(node) || typeof node["x-stub"] !== "number")
        return node;
      return this.saved[node["x-stub"]];
    };
    const result: SchemaObject = { ...merged };
    const own = propertiesOf(merged);
    if (Object.keys(own).length > 0) {
      result.properties = Object.fromEntries(
        Object.entries(own).map(([name, node]) => [name, back(node)]),
      );
    }
    for (const key of SUBSCHEMA_KEYS) {
      if (result[key] !== undefined) result[key] = back(result[key]);
    }
    for (const key of CHOICE_KEYS) {
      const list = result[key];
      if (Array.isArray(list)) result[key] = list.map(back);
    }
    return result;
  }
}

function propertiesOf(schema: SchemaObject): SchemaObject {
  return isSchemaObject(schema.properties) ? schema.properties : {};
}

function overlay(base: SchemaObject, parts: SchemaObject[]): SchemaObject {
  const result: SchemaObject = { ...base };
  const properties: SchemaObject = {};
  const required = new Set<string>();
  for (const part of [base, ...parts]) {
    Object.assign(result, part);
    if (isSchemaObject(part.properties))
      Object.assign(properties, part.properties);
    if (Array.isArray(part.required))
      for (const name of part.required) required.add(String(name));
  }
  if (Object.keys(properties).length > 0) result.properties = properties;
  if (required.size > 0) result.required = [...required];
  return result;
}
