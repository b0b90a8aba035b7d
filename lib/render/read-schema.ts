import { InvalidSchemaError } from "./errors";
import type { Field, FieldKind, VariantOf } from "./field";
import { humanize, unitFromName, words } from "./names";
import { joinPointer } from "./pointer";
import {
  isSchemaObject,
  loadSchema,
  resolveNode,
  type LoadedSchema,
  type SchemaObject,
} from "./resolve";
import { kindOf, primaryType, shapeOf, unitOf, type Shape } from "./shape";
import { validateJsonSchema } from "./validate-schema";

/**
 * What the entry is:
 * - "object": an object; field pointers start at the entry ("/distance").
 * - "list": an array of objects, a list of entries; pointers start at one
 *   item of the list ("/title"), and views show each item as an entry.
 * - "array": any other array (a tuple, a list of values); a one-field form
 *   whose field has the pointer "".
 * - "scalar": a single value; a one-field form, field pointer "".
 */
export type RootKind = "object" | "list" | "array" | "scalar";

export interface SchemaReading {
  rootKind: RootKind;
  title: string | null;
  description: string | null;
  fields: Field[];
  /** Parts of the schema shown as JSON or left out, in words. */
  warnings: string[];
}

/** Limits that keep any schema, however recursive or large, finite. */
export const READ_LIMITS = { maxDepth: 10, maxFields: 5000 } as const;

/**
 * Reads a JSON Schema into the fields of one entry. Throws
 * InvalidSchemaError when the schema is not valid against its meta-schema.
 * Local references are followed, recursion stops where a reference meets
 * itself, and other documents' references become opaque fields (never
 * fetched), each named in `warnings`.
 */
export function readSchema(schema: unknown): SchemaReading {
  const loaded = loadValid(schema);
  return readLoaded(loaded);
}

/** Validates, then loads: the first step of every public entry point. */
export function loadValid(schema: unknown): LoadedSchema {
  const validation = validateJsonSchema(schema);
  if (!validation.ok) throw new InvalidSchemaError(validation.problems);
  return loadSchema(schema as SchemaObject);
}

interface Place {
  pointer: string;
  key: string;
  label: string | null;
  depth: number;
  required: boolean;
  conditional: boolean;
  variantOf: VariantOf | null;
  isArrayItem: boolean;
  parent: string | null;
  refStack: string[];
}

interface Walk {
  loaded: LoadedSchema;
  fields: Field[];
  seen: Set<string>;
  /** Labels by pointer, for naming array items after their list. */
  labels: Map<string, string>;
  warnings: Set<string>;
}

export function readLoaded(loaded: LoadedSchema): SchemaReading {
  const walk: Walk = {
    loaded,
    fields: [],
    seen: new Set(),
    labels: new Map(),
    warnings: new Set(loaded.warnings),
  };
  const rootNode = resolveNode(loaded, loaded.root, ["#"]);
  const rootSchema = rootNode.status === "ok" ? rootNode.schema : {};
  if (rootNode.status === "ok") {
    for (const ref of rootNode.skipped) noteExternal(walk, "", ref);
  } else {
    noteExternal(walk, "", rootNode.ref);
  }
  const root = shapeOf(loaded, rootSchema, ["#"]);
  const rootKind = walkRoot(walk, root);

  if (walk.fields.length >= READ_LIMITS.maxFields) {
    walk.warnings.add(
      `Only the first ${READ_LIMITS.maxFields} fields were read.`,
    );
  }
  linkUnits(walk.fields);
  return {
    rootKind,
    title: textOf(rootSchema.title),
    description: textOf(rootSchema.description),
    fields: walk.fields,
    warnings: [...walk.warnings],
  };
}

function walkRoot(walk: Walk, root: Shape): RootKind {
  const kind = kindOf(root, "");
  const top = place("", "", 0, null, root.refStack);

  if (kind === "object") {
    visitChildren(walk, root, top);
    return "object";
  }
  if (kind === "array" && isSchemaObject(root.schema.items)) {
    const item = resolveNode(walk.loaded, root.schema.items, root.refStack);
    if (item.status === "ok") {
      const itemShape = shapeOf(walk.loaded, item.schema, item.refStack);
      if (kindOf(itemShape, "") === "object") {
        visitChildren(walk, itemShape, { ...top, refStack: item.refStack });
        return "list";
      }
    }
  }
  addField(walk, root, { ...top, label: textOf(root.schema.title) });
  const field = walk.fields[walk.fields.length - 1];
  if (field) visitChildren(walk, root, top, field.kind);
  return kind === "array" || kind === "tuple" ? "array" : "scalar";
}

function place(
  pointer: string,
  key: string,
  depth: number,
  parent: string | null,
  refStack: string[],
): Place {
  return {
    pointer,
    key,
    label: null,
    depth,
    required: false,
    conditional: false,
    variantOf: null,
    isArrayItem: false,
    parent,
    refStack,
  };
}

function visit(walk: Walk, node: unknown, at: Place): void {
  if (walk.seen.has(at.pointer)) return;
  if (walk.fields.length >= READ_LIMITS.maxFields) return;

  const resolved = resolveNode(walk.loaded, node, at.refStack);
  if (resolved.status !== "ok") {
    addOpaque(walk, node, at, resolved);
    return;
  }
  const shape = shapeOf(walk.loaded, resolved.schema, resolved.refStack);
  const field = addField(walk, shape, at);
  for (const ref of resolved.skipped) noteExternal(walk, at.pointer, ref);
  if (shape.externalRef) noteExternal(walk, at.pointer, shape.externalRef);
  if (at.depth >= READ_LIMITS.maxDepth) {
    if (!isLeaf(field.kind)) tooDeep(walk, field);
    return;
  }
  visitChildren(walk, shape, { ...at, refStack: shape.refStack }, field.kind);
}

function isLeaf(kind: FieldKind): boolean {
  return !["object", "array", "tuple"].includes(kind);
}

function tooDeep(walk: Walk, field: Field): void {
  field.opaque = true;
  field.kind = "json";
  walk.warnings.add(
    `Fields nested deeper than ${READ_LIMITS.maxDepth} levels are edited ` +
      `as JSON (first at ${field.pointer}).`,
  );
}

function addField(walk: Walk, shape: Shape, at: Place): Field {
  const s = shape.schema;
  const label = at.label ?? textOf(s.title) ?? humanize(at.key);
  const field: Field = {
    pointer: at.pointer,
    key: at.key,
    label,
    type: primaryType(shape),
    types: shape.types,
    kind: kindOf(shape, at.key),
    format: textOf(s.format),
    description: textOf(s.description),
    examples: examplesOf(s),
    default: s.default,
    enumOptions: shape.enumOptions,
    required: at.required,
    nullable: shape.nullable,
    nullableBy: shape.nullableBy,
    readOnly: s.readOnly === true,
    ...boundsOf(s),
    unit: null,
    multiline: false,
    conditional: at.conditional,
    variantOf: at.variantOf,
    variants: shape.variants?.branches.map((b) => b.title) ?? null,
    externalRef: shape.externalRef,
    recursive: false,
    opaque: shape.externalRef !== null,
    depth: at.depth,
    isArrayItem: at.isArrayItem,
    parent: at.parent,
  };
  field.multiline = field.kind === "long-text";
  if (field.type === "number" || field.type === "integer")
    field.unit = unitOf(s, at.key, label);
  // "distance_km" reads "Distance (km)", not "Distance km (km)".
  if (field.unit && !at.label && !textOf(s.title) && unitFromName(at.key)) {
    field.label = humanize(words(at.key).slice(0, -1).join(" "));
  }
  walk.fields.push(field);
  walk.seen.add(at.pointer);
  walk.labels.set(at.pointer, field.label);
  return field;
}

function addOpaque(
  walk: Walk,
  node: unknown,
  at: Place,
  resolved: { status: "external" | "recursive" | "missing"; ref: string },
): void {
  const own = isSchemaObject(node) ? node : {};
  const shape: Shape = {
    schema: own,
    refStack: at.refStack,
    types: ["any"],
    nullable: false,
    nullableBy: null,
    enumOptions: null,
    variants: null,
    externalRef: resolved.status === "external" ? resolved.ref : null,
  };
  const field = addField(walk, shape, at);
  field.kind = "json";
  field.opaque = true;
  field.recursive = resolved.status === "recursive";
  if (resolved.status !== "recursive")
    noteExternal(walk, at.pointer, resolved.ref);
}

function noteExternal(walk: Walk, pointer: string, ref: string): void {
  const where = pointer || "(root)";
  const external = !ref.startsWith("#");
  walk.warnings.add(
    external
      ? `External reference "${ref}" at ${where} was not fetched; what it ` +
          `describes is shown and edited as JSON.`
      : `The reference "${ref}" at ${where} points nowhere in this ` +
          `schema; what it describes is edited as JSON.`,
  );
}

function visitChildren(
  walk: Walk,
  shape: Shape,
  at: Place,
  kind: FieldKind = "object",
): void {
  if (kind === "object") visitObject(walk, shape, at);
  else if (kind === "array") visitItems(walk, shape.schema, at);
  else if (kind === "tuple") visitTuple(walk, shape.schema, at);
}

function child(at: Place, key: string, extra: Partial<Place>): Place {
  return {
    ...place(
      joinPointer(at.pointer, key),
      key,
      at.depth + 1,
      at.pointer,
      at.refStack,
    ),
    conditional: at.conditional,
    variantOf: at.variantOf,
    isArrayItem: at.isArrayItem,
    ...extra,
  };
}

function visitObject(walk: Walk, shape: Shape, at: Place): void {
  const s = shape.schema;
  visitProperties(walk, s, at, {});

  for (const branch of conditionalBranches(s)) {
    visitBranch(walk, branch, { ...at, conditional: true });
  }
  for (const [index, branch] of (shape.variants?.branches ?? []).entries()) {
    if (!branch.schema) continue;
    const variantOf: VariantOf = {
      keyword: shape.variants!.keyword,
      owner: at.pointer,
      index,
      title: branch.title,
    };
    visitBranch(walk, branch.schema, {
      ...at,
      variantOf,
      refStack: branch.refStack,
    });
  }
}

function visitProperties(
  walk: Walk,
  s: SchemaObject,
  at: Place,
  extra: Partial<Place>,
): void {
  if (!isSchemaObject(s.properties)) return;
  const required = Array.isArray(s.required) ? s.required : [];
  for (const [key, node] of Object.entries(s.properties)) {
    const isRequired =
      required.includes(key) && !at.conditional && !at.variantOf;
    visit(walk, node, child(at, key, { ...extra, required: isRequired }));
  }
}

/** The schemas that add fields only when a condition holds. */
function conditionalBranches(s: SchemaObject): unknown[] {
  const branches: unknown[] = [];
  const conditions = Array.isArray(s["x-conditions"])
    ? (s["x-conditions"] as SchemaObject[])
    : [];
  for (const c of [s, ...conditions]) {
    if (c.if === undefined) continue;
    branches.push(c.then, c.else);
  }
  for (const keyword of ["dependencies", "dependentSchemas"]) {
    const deps = s[keyword];
    if (!isSchemaObject(deps)) continue;
    branches.push(...Object.values(deps).filter(isSchemaObject));
  }
  return branches.filter((b) => b !== undefined);
}

// A branch may itself be a reference, an allOf or a oneOf of cases (the
// "dependencies with oneOf" idiom): each case's properties are read.
function visitBranch(walk: Walk, node: unknown, at: Place): void {
  const resolved = resolveNode(walk.loaded, node, at.refStack);
  if (resolved.status !== "ok") return;
  const s = resolved.schema;
  const inner = { ...at, refStack: resolved.refStack };
  visitProperties(walk, s, inner, {});

  const cases = [s.oneOf, s.anyOf].filter(Array.isArray).flat() as unknown[];
  for (const c of cases) {
    const r = resolveNode(walk.loaded, c, resolved.refStack);
    if (r.status === "ok")
      visitProperties(walk, r.schema, { ...inner, conditional: true }, {});
  }
}

function visitItems(walk: Walk, s: SchemaObject, at: Place): void {
  const items = s.items ?? s.additionalItems;
  if (!isSchemaObject(items)) return;
  const label = textOf(items.title) ?? `${labelAt(walk, at)} item`;
  visit(walk, items, child(at, "-", { isArrayItem: true, label }));
}

function visitTuple(walk: Walk, s: SchemaObject, at: Place): void {
  const fixed = (
    Array.isArray(s.prefixItems) ? s.prefixItems : s.items
  ) as unknown[];
  const base = labelAt(walk, at);
  fixed.forEach((node, i) => {
    const title = isSchemaObject(node) ? textOf(node.title) : null;
    const label = title ?? `${base} ${i + 1}`;
    visit(walk, node, child(at, String(i), { isArrayItem: true, label }));
  });

  const rest = Array.isArray(s.prefixItems) ? s.items : s.additionalItems;
  if (!isSchemaObject(rest)) return;
  const label = textOf(rest.title) ?? `More ${base.toLowerCase()}`;
  visit(walk, rest, child(at, "-", { isArrayItem: true, label }));
}

function labelAt(walk: Walk, at: Place): string {
  return walk.labels.get(at.pointer) ?? "Item";
}

function textOf(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function examplesOf(s: SchemaObject): unknown[] {
  if (Array.isArray(s.examples)) return s.examples;
  return s.example !== undefined ? [s.example] : [];
}

function boundsOf(s: SchemaObject) {
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    minimum: num(s.minimum) ?? num(s.exclusiveMinimum),
    maximum: num(s.maximum) ?? num(s.exclusiveMaximum),
    minLength: num(s.minLength),
    maxLength: num(s.maxLength),
  };
}

/**
 * A number beside a unit field ("value" + "unit", "weight" + "weight_unit")
 * takes that unit when the schema fixes it to one value.
 */
function linkUnits(fields: Field[]): void {
  const byPointer = new Map(fields.map((f) => [f.pointer, f]));
  for (const field of fields) {
    if (field.unit || (field.type !== "number" && field.type !== "integer"))
      continue;
    const base = field.key === "value" ? "" : `${field.key}_`;
    const sibling = byPointer.get(`${field.parent ?? ""}/${base}unit`);
    const fixed =
      sibling?.enumOptions?.length === 1
        ? sibling.enumOptions[0]!.value
        : sibling?.default;
    if (typeof fixed === "string") field.unit = fixed;
  }
}
