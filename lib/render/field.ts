/**
 * The Field model: one place in an entry's data, as a view or the analyser
 * sees it. Fields are plain data (no schema objects inside), so a server
 * component can hand them to a client component as they are.
 */

/** The JSON type a field holds ("any" when the schema does not say). */
export type JsonType =
  | "string"
  | "number"
  | "integer"
  | "boolean"
  | "object"
  | "array"
  | "null"
  | "any";

/**
 * What the value means, which decides how it is shown and edited:
 * "map" is an object keyed by free names (additionalProperties or
 * patternProperties), "tuple" an array with a schema per position, "json"
 * a value shown and edited as raw JSON (an external or recursive reference,
 * or a schema that says nothing).
 */
export type FieldKind =
  | "text"
  | "long-text"
  | "number"
  | "integer"
  | "boolean"
  | "date"
  | "date-time"
  | "time"
  | "duration"
  | "email"
  | "url"
  | "image"
  | "color"
  | "file"
  | "enum"
  | "object"
  | "array"
  | "tuple"
  | "map"
  | "json";

export interface EnumOption {
  value: unknown;
  label: string;
}

/** Where a field came from when it only exists in one oneOf/anyOf branch. */
export interface VariantOf {
  keyword: "oneOf" | "anyOf";
  /** Pointer of the field that holds the choice. */
  owner: string;
  index: number;
  title: string;
}

export interface Field {
  /** JSON Pointer into one entry ("/sets/-/reps"); see pointer.ts. */
  pointer: string;
  /** The property name, "-" for array items, the index in a tuple. */
  key: string;
  /** A label for people: the schema's title, else the key in words. */
  label: string;
  type: JsonType;
  /** Every non-null type the schema allows, when it allows several. */
  types: JsonType[];
  kind: FieldKind;
  format: string | null;
  description: string | null;
  examples: unknown[];
  default: unknown;
  /** Allowed values with labels (from titles, enumNames or the value). */
  enumOptions: EnumOption[] | null;
  required: boolean;
  nullable: boolean;
  /**
   * How null is allowed: a type list with "null", null among the enum
   * values, or a oneOf/anyOf with a {"type": "null"} branch. RJSF shows
   * the last as a choice, where a widget for the value would not fit.
   */
  nullableBy: "type" | "enum" | "choice" | null;
  readOnly: boolean;
  minimum: number | null;
  maximum: number | null;
  minLength: number | null;
  maxLength: number | null;
  /** A unit such as "kg" or "mmHg", from the schema or the field's name. */
  unit: string | null;
  /** The text is long or multi-line (a textarea, not an input). */
  multiline: boolean;
  /** Only present when an if/then/else or dependencies branch applies. */
  conditional: boolean;
  /** Set when the field belongs to one branch of a oneOf/anyOf. */
  variantOf: VariantOf | null;
  /** For a field whose value is one of several shapes: their titles. */
  variants: string[] | null;
  /** The $ref that was not followed because it leaves this document. */
  externalRef: string | null;
  /** The schema refers back to one of its ancestors here. */
  recursive: boolean;
  /** Shown and edited as JSON: external, recursive or too deep to follow. */
  opaque: boolean;
  /** Nesting depth: 1 for a property of the entry, 0 for the entry. */
  depth: number;
  /** True when the field is inside the items of an array. */
  isArrayItem: boolean;
  /** Pointer of the enclosing object or array field; null at the top. */
  parent: string | null;
}

/** A scalar value a table cell, timeline row or card line can show. */
export function isScalarKind(kind: FieldKind): boolean {
  return !["object", "array", "tuple", "map", "json"].includes(kind);
}

export function isDateKind(kind: FieldKind): boolean {
  return kind === "date" || kind === "date-time";
}
