import type { Field } from "./field";
import { parsePointer } from "./pointer";
import type { SchemaReading } from "./read-schema";
import type { UiSchema } from "./types";
import { clip } from "./text";

/**
 * Builds the RJSF uiSchema for the entry form from the fields: a widget
 * per field by its kind and format, help text from descriptions,
 * placeholders from examples, and a `ui:order` per object that puts
 * required fields first.
 *
 * Fields that appear only in a condition or a oneOf/anyOf branch are left
 * out of `ui:order` (RJSF refuses an order naming a property the current
 * branch lacks); "*" at the end of every order places them.
 */
export function buildUiSchema(reading: SchemaReading): UiSchema {
  const byPointer = new Map(reading.fields.map((f) => [f.pointer, f]));
  const root: UiSchema = {};
  const base = reading.rootKind === "list" ? child(root, "items") : root;
  const nodes = new Map<string, UiSchema>([["", base]]);

  for (const field of reading.fields) {
    const node = nodeFor(field.pointer, nodes, byPointer);
    Object.assign(node, widgetOptions(field));
  }
  const children = childrenByParent(reading.fields);
  for (const [pointer, node] of nodes) {
    const owner = byPointer.get(pointer);
    const isObject = owner ? owner.kind === "object" : isObjectRoot(reading);
    if (isObject) {
      const order = orderOf(children.get(pointer) ?? []);
      if (order.length > 0) node["ui:order"] = [...order, "*"];
    }
  }
  return prune(root) ?? {};
}

/** Drops the empty objects left for fields that needed no options. */
function prune(ui: UiSchema): UiSchema | null {
  const out: UiSchema = {};
  for (const [key, value] of Object.entries(ui)) {
    if (Array.isArray(value) && key === "items") {
      const list = value.map((v: UiSchema) => prune(v) ?? {});
      if (list.some((v) => Object.keys(v).length > 0)) out[key] = list;
    } else if (value && typeof value === "object" && !key.startsWith("ui:")) {
      const inner = prune(value as UiSchema);
      if (inner) out[key] = inner;
    } else {
      out[key] = value;
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

function isObjectRoot(reading: SchemaReading): boolean {
  return reading.rootKind === "object" || reading.rootKind === "list";
}

function childrenByParent(fields: Field[]): Map<string, Field[]> {
  const map = new Map<string, Field[]>();
  for (const field of fields) {
    if (field.parent === null) continue;
    const list = map.get(field.parent) ?? [];
    list.push(field);
    map.set(field.parent, list);
  }
  return map;
}

function orderOf(siblings: Field[]): string[] {
  const own = siblings.filter((f) => !f.conditional && !f.variantOf);
  const keys = (list: Field[]) => list.map((f) => f.key);
  return [
    ...keys(own.filter((f) => f.required)),
    ...keys(own.filter((f) => !f.required)),
  ];
}

function nodeFor(
  pointer: string,
  nodes: Map<string, UiSchema>,
  byPointer: Map<string, Field>,
): UiSchema {
  const known = nodes.get(pointer);
  if (known) return known;

  const tokens = parsePointer(pointer);
  const key = tokens[tokens.length - 1] ?? "";
  const parentPointer = pointer.slice(0, pointer.lastIndexOf("/"));
  const parent = nodeFor(parentPointer, nodes, byPointer);
  const parentKind = byPointer.get(parentPointer)?.kind;

  let node: UiSchema;
  if (parentKind === "tuple" && key !== "-") {
    node = tupleItem(parent, Number(key));
  } else if (key === "-") {
    node = child(parent, parentKind === "tuple" ? "additionalItems" : "items");
  } else {
    node = child(parent, key);
  }
  nodes.set(pointer, node);
  return node;
}

function child(parent: UiSchema, key: string): UiSchema {
  const existing = parent[key];
  if (existing && typeof existing === "object" && !Array.isArray(existing))
    return existing as UiSchema;
  const created: UiSchema = {};
  parent[key] = created;
  return created;
}

// RJSF reads a fixed-items array's uiSchema as a list, one per position.
function tupleItem(parent: UiSchema, index: number): UiSchema {
  const list = Array.isArray(parent.items) ? (parent.items as UiSchema[]) : [];
  parent.items = list;
  for (let i = list.length; i <= index; i++) list.push({});
  return list[index]!;
}

const ENUM_RADIO_MAX = 4;
const RANGE_MAX_SPAN = 100;
const HELP_MAX = 300;

/** The uiSchema keys for one field, apart from its children. */
export function widgetOptions(field: Field): UiSchema {
  const ui: UiSchema = {};
  // RJSF shows a oneOf [X, null] as a choice of branch, and the widget
  // would be offered the choice itself, which it cannot show.
  const widget = field.nullableBy === "choice" ? null : widgetOf(field);
  if (widget) ui["ui:widget"] = widget;
  if (field.kind === "long-text") ui["ui:options"] = { rows: 5 };
  if (field.description) ui["ui:help"] = clip(field.description, HELP_MAX);
  if (field.opaque) ui["ui:help"] = opaqueHelp(field);
  const placeholder = placeholderOf(field);
  if (placeholder !== null) ui["ui:placeholder"] = placeholder;
  if (field.readOnly) ui["ui:readonly"] = true;
  return ui;
}

export function widgetOf(field: Field): string | null {
  switch (field.kind) {
    case "date":
      return field.format === "date" ? "date" : null;
    case "date-time":
      return field.format === "date-time" ? "datetime" : null;
    case "time":
      return field.format === "time" ? "time" : null;
    case "email":
      return "email";
    case "url":
    case "image":
      return field.format === null ? null : "uri";
    case "color":
      return "color";
    case "file":
      return "file";
    case "long-text":
      return "textarea";
    case "boolean":
      return "checkbox";
    case "enum":
      return (field.enumOptions?.length ?? 0) <= ENUM_RADIO_MAX
        ? "radio"
        : "select";
    case "number":
    case "integer":
      return numberWidget(field);
    default:
      return null;
  }
}

/**
 * A slider for a short integer scale, but only with a default: a slider
 * always shows a position, and without a value it would show one the
 * entry does not have.
 */
function numberWidget(field: Field): string | null {
  if (field.minimum === null || field.maximum === null) return null;
  const span = field.maximum - field.minimum;
  const slider =
    field.kind === "integer" &&
    span <= RANGE_MAX_SPAN &&
    typeof field.default === "number";
  return slider ? "range" : "updown";
}

function placeholderOf(field: Field): string | null {
  const example = field.examples[0];
  if (typeof example === "string") return clip(example, 120);
  if (typeof example === "number") return String(example);
  return null;
}

function opaqueHelp(field: Field): string {
  if (field.externalRef) {
    return clip(
      `Edited as JSON: its shape is defined in ${field.externalRef}, ` +
        `which is not loaded.`,
      HELP_MAX,
    );
  }
  return field.recursive
    ? "Edited as JSON: this part repeats the structure around it."
    : "Edited as JSON.";
}
