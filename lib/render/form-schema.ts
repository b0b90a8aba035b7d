import { loadValid } from "./read-schema";
import {
  isSchemaObject,
  resolveNode,
  type LoadedSchema,
  type SchemaObject,
} from "./resolve";

/**
 * The schema to hand to RJSF for the entry form: the same fields, made
 * safe for a form library that resolves references eagerly. References
 * are expanded, so RJSF never looks one up; a reference back to an
 * ancestor and one to another document become a free "edit as JSON"
 * field, so recursion ends and nothing is fetched; allOf is merged;
 * patternProperties become additionalProperties (RJSF ignores the former);
 * 2020-12 prefixItems and draft-04 boolean exclusive bounds are restated
 * in draft-07 terms, the dialect RJSF's validator speaks.
 */
export function formSchema(schema: unknown): SchemaObject {
  const loaded = loadValid(schema);
  const budget = { nodes: 0 };
  const out = expand(loaded, loaded.root, ["#"], budget, 0);
  return isSchemaObject(out) ? out : {};
}

const MAX_NODES = 20_000;
const MAX_DEPTH = 24;

// Keywords that only identify or hold definitions; after expansion they
// would point RJSF at addresses it cannot load.
const DROPPED = new Set([
  "$ref",
  "$id",
  "$schema",
  "$anchor",
  "$dynamicAnchor",
  "$dynamicRef",
  "$recursiveRef",
  "$recursiveAnchor",
  "$comment",
  "$defs",
  "definitions",
  "allOf",
  "x-conditions",
  "not",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "dependentSchemas",
  "dependentRequired",
  "patternProperties",
  "prefixItems",
]);

interface Budget {
  nodes: number;
}

function expand(
  loaded: LoadedSchema,
  node: unknown,
  refStack: string[],
  budget: Budget,
  depth: number,
): SchemaObject | boolean {
  if (typeof node === "boolean") return node;
  budget.nodes += 1;
  const own = isSchemaObject(node) ? node : {};
  if (budget.nodes > MAX_NODES || depth > MAX_DEPTH) {
    return opaque(own, "nested too deeply to show as a form");
  }

  const resolved = resolveNode(loaded, node, refStack);
  if (resolved.status === "external") {
    return opaque(own, `its shape is defined in ${resolved.ref}`);
  }
  if (resolved.status === "recursive") {
    return opaque(own, "it repeats the structure around it");
  }
  if (resolved.status === "missing") {
    return opaque(own, `${resolved.ref} points nowhere in this schema`);
  }
  const sub = (value: unknown) =>
    expand(loaded, value, resolved.refStack, budget, depth + 1);
  return rebuild(resolved.schema, sub);
}

function rebuild(
  s: SchemaObject,
  sub: (value: unknown) => SchemaObject | boolean,
): SchemaObject {
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(s)) {
    if (!DROPPED.has(key)) out[key] = value;
  }
  if (typeof s.id === "string") delete out.id;
  restateBounds(out);

  const map = (value: unknown) =>
    isSchemaObject(value)
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sub(v)]))
      : undefined;
  const list = (value: unknown) =>
    Array.isArray(value) ? value.map(sub) : undefined;

  setIf(out, "properties", map(s.properties));
  setIf(out, "additionalProperties", additional(s, sub));
  setIf(out, "items", items(s, sub));
  setIf(out, "additionalItems", additionalItems(s, sub));
  setIf(out, "oneOf", list(s.oneOf));
  setIf(out, "anyOf", list(s.anyOf));
  for (const key of ["if", "then", "else"]) {
    if (s[key] !== undefined) out[key] = sub(s[key]);
  }
  setIf(out, "dependencies", dependencies(s, sub));
  setIf(out, "allOf", conditions(s, sub));
  return out;
}

function setIf(out: SchemaObject, key: string, value: unknown): void {
  if (value === undefined) delete out[key];
  else out[key] = value;
}

function additional(s: SchemaObject, sub: (v: unknown) => unknown) {
  if (s.additionalProperties !== undefined) return sub(s.additionalProperties);
  if (!isSchemaObject(s.patternProperties)) return undefined;
  const patterns = Object.values(s.patternProperties);
  return patterns.length === 1 ? sub(patterns[0]) : {};
}

function items(s: SchemaObject, sub: (v: unknown) => unknown) {
  if (Array.isArray(s.prefixItems)) return s.prefixItems.map(sub);
  if (Array.isArray(s.items)) return s.items.map(sub);
  return s.items === undefined ? undefined : sub(s.items);
}

function additionalItems(s: SchemaObject, sub: (v: unknown) => unknown) {
  if (Array.isArray(s.prefixItems) && s.items !== undefined)
    return sub(s.items);
  return s.additionalItems === undefined ? undefined : sub(s.additionalItems);
}

function dependencies(s: SchemaObject, sub: (v: unknown) => unknown) {
  const merged: SchemaObject = {};
  for (const key of ["dependencies", "dependentSchemas", "dependentRequired"]) {
    const deps = s[key];
    if (!isSchemaObject(deps)) continue;
    for (const [name, value] of Object.entries(deps)) {
      merged[name] = Array.isArray(value) ? value : sub(value);
    }
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

// if/then/else pulled out of an allOf go back in as allOf entries, the
// form RJSF evaluates.
function conditions(s: SchemaObject, sub: (v: unknown) => unknown) {
  const list = s["x-conditions"];
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.map((c: SchemaObject) => {
    const out: SchemaObject = { if: sub(c.if) };
    if (c.then !== undefined) out.then = sub(c.then);
    if (c.else !== undefined) out.else = sub(c.else);
    return out;
  });
}

function restateBounds(out: SchemaObject): void {
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof out[flag] !== "boolean") continue;
    if (out[flag] === true && typeof out[bound] === "number") {
      out[flag] = out[bound];
      delete out[bound];
    } else {
      delete out[flag];
    }
  }
}

/** A field RJSF shows without knowing its shape: any value is accepted. */
function opaque(own: SchemaObject, why: string): SchemaObject {
  const out: SchemaObject = {};
  if (typeof own.title === "string") out.title = own.title;
  const note = `Edited as JSON: ${why}.`;
  out.description =
    typeof own.description === "string" ? `${own.description} (${note})` : note;
  return out;
}
