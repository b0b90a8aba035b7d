import type { EnumOption, FieldKind, JsonType } from "./field";
import {
  isImageName,
  isLongTextName,
  unitFromName,
  unitFromTitle,
  words,
} from "./names";
import {
  isSchemaObject,
  resolveNode,
  type LoadedSchema,
  type SchemaObject,
} from "./resolve";

/**
 * The shape of one resolved schema node: its types, whether null is
 * allowed, its allowed values and its oneOf/anyOf choices, with the
 * "nullable" idioms (type arrays with "null", oneOf [X, {type: null}])
 * and the "enum with labels" idioms (enumNames, oneOf of const + title)
 * folded into plain facts.
 */
export interface Shape {
  schema: SchemaObject;
  refStack: string[];
  types: JsonType[];
  nullable: boolean;
  nullableBy: "type" | "enum" | "choice" | null;
  enumOptions: EnumOption[] | null;
  /** The oneOf/anyOf branches that remain choices between shapes. */
  variants: { keyword: "oneOf" | "anyOf"; branches: Branch[] } | null;
  /** Set when the only non-null branch is another document. */
  externalRef: string | null;
}

export interface Branch {
  title: string;
  schema: SchemaObject | null;
  refStack: string[];
}

const LONG_TEXT_LENGTH = 200;
const URL_FORMATS = new Set([
  "uri",
  "url",
  "iri",
  "uri-reference",
  "iri-reference",
]);

export function shapeOf(
  loaded: LoadedSchema,
  input: SchemaObject,
  refStack: string[],
): Shape {
  const shape: Shape = {
    schema: input,
    refStack,
    types: [],
    nullable: false,
    nullableBy: null,
    enumOptions: null,
    variants: null,
    externalRef: null,
  };
  foldChoices(loaded, shape);

  const declared = declaredTypes(shape.schema);
  if (declared.includes("null") || shape.schema.nullable === true) {
    shape.nullableBy ??= "type";
  }
  shape.enumOptions ??= enumOptionsOf(shape.schema);
  if (shape.enumOptions?.some((o) => o.value === null)) {
    shape.nullableBy ??= "enum";
  }
  shape.nullable = shape.nullableBy !== null;

  const nonNull = declared.filter((t) => t !== "null");
  shape.types = nonNull.length > 0 ? nonNull : inferTypes(shape);
  return shape;
}

function foldChoices(loaded: LoadedSchema, shape: Shape): void {
  const keyword = Array.isArray(shape.schema.oneOf)
    ? "oneOf"
    : Array.isArray(shape.schema.anyOf)
      ? "anyOf"
      : null;
  if (keyword === null) return;

  const choices = shape.schema[keyword] as unknown[];
  const branches = choices.map((c) => resolveNode(loaded, c, shape.refStack));
  const rest = branches.filter(
    (b) => !(b.status === "ok" && isNullSchema(b.schema)),
  );
  if (rest.length < branches.length) shape.nullableBy = "choice";

  const { [keyword]: _choices, ...own } = shape.schema;
  const only = rest.length === 1 ? rest[0] : undefined;
  if (only?.status === "ok") {
    shape.schema = { ...only.schema, ...own };
    shape.refStack = only.refStack;
    return;
  }
  if (only?.status === "external") {
    shape.schema = own;
    shape.externalRef = only.ref;
    return;
  }

  const consts = rest.map((b) =>
    b.status === "ok" ? constOf(b.schema) : undefined,
  );
  if (rest.length > 0 && consts.every((c) => c !== undefined)) {
    shape.schema = own;
    shape.enumOptions = rest.map((b, i) => ({
      value: consts[i]!.value,
      label: labelOf(b.status === "ok" ? b.schema.title : null, consts[i]!),
    }));
    return;
  }

  shape.variants = {
    keyword,
    branches: rest.map((b, i) => ({
      title: branchTitle(b, i),
      schema: b.status === "ok" ? b.schema : null,
      refStack: b.status === "ok" ? b.refStack : shape.refStack,
    })),
  };
}

function branchTitle(b: ReturnType<typeof resolveNode>, i: number): string {
  if (b.status === "ok" && typeof b.schema.title === "string")
    return b.schema.title;
  return `Option ${i + 1}`;
}

function isNullSchema(schema: SchemaObject): boolean {
  if (schema.type === "null") return true;
  if ("const" in schema && schema.const === null) return true;
  return Array.isArray(schema.enum) && schema.enum.length === 1
    ? schema.enum[0] === null
    : false;
}

function constOf(schema: SchemaObject): { value: unknown } | undefined {
  if ("const" in schema) return { value: schema.const };
  if (Array.isArray(schema.enum) && schema.enum.length === 1)
    return { value: schema.enum[0] };
  return undefined;
}

function labelOf(title: unknown, option: { value: unknown }): string {
  if (typeof title === "string" && title.trim() !== "") return title;
  return valueLabel(option.value);
}

function valueLabel(value: unknown): string {
  if (value === null) return "None";
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? String(value);
}

function enumOptionsOf(schema: SchemaObject): EnumOption[] | null {
  if (Array.isArray(schema.enum)) {
    const names = Array.isArray(schema.enumNames)
      ? schema.enumNames
      : Array.isArray(schema["x-enumNames"])
        ? (schema["x-enumNames"] as unknown[])
        : [];
    return schema.enum.map((value, i) => ({
      value,
      label: labelOf(names[i], { value }),
    }));
  }
  if ("const" in schema) {
    return [{ value: schema.const, label: valueLabel(schema.const) }];
  }
  return null;
}

const JSON_TYPES = new Set<string>([
  "string",
  "number",
  "integer",
  "boolean",
  "object",
  "array",
  "null",
]);

function declaredTypes(schema: SchemaObject): JsonType[] {
  const raw = Array.isArray(schema.type) ? schema.type : [schema.type];
  return raw.filter((t): t is JsonType => JSON_TYPES.has(t as string));
}

function inferTypes(shape: Shape): JsonType[] {
  const s = shape.schema;
  if (shape.enumOptions) {
    const kinds = shape.enumOptions
      .map((o) => o.value)
      .filter((v) => v !== null)
      .map(typeOfValue);
    const unique = [...new Set(kinds)];
    if (unique.length > 0) return unique;
  }
  if (s.properties || s.additionalProperties || s.patternProperties)
    return ["object"];
  if (shape.variants?.branches.some((b) => b.schema?.properties))
    return ["object"];
  if (s.items || s.prefixItems || s.additionalItems) return ["array"];
  if (s.format || s.pattern || s.minLength || s.maxLength) return ["string"];
  if (s.minimum !== undefined || s.maximum !== undefined) return ["number"];
  return ["any"];
}

function typeOfValue(value: unknown): JsonType {
  if (Array.isArray(value)) return "array";
  if (typeof value === "number")
    return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  return "object";
}

/** The kind of a field, from its shape and (for text) its name. */
export function kindOf(shape: Shape, key: string): FieldKind {
  const s = shape.schema;
  const type = primaryType(shape);
  if (shape.externalRef) return "json";
  if (shape.enumOptions && type !== "boolean") return "enum";

  switch (type) {
    case "string":
      return stringKind(s, key);
    case "number":
    case "integer":
    case "boolean":
      return type;
    case "object":
      return objectKind(shape);
    case "array":
      return Array.isArray(s.items) || Array.isArray(s.prefixItems)
        ? "tuple"
        : "array";
    default:
      return shape.variants ? objectKind(shape) : "json";
  }
}

/**
 * The one type a field is shown as. A schema that allows several ("object"
 * or "boolean" in the meta-schema) is shown as the one its keywords
 * describe; otherwise it is edited as JSON.
 */
export function primaryType(shape: Shape): JsonType {
  const types = shape.types;
  if (types.length === 1) return types[0]!;
  if (types.every((t) => t === "number" || t === "integer")) return "number";
  const s = shape.schema;
  if (types.includes("object") && (s.properties || shape.variants))
    return "object";
  if (types.includes("array") && s.items) return "array";
  return "any";
}

function objectKind(shape: Shape): FieldKind {
  const s = shape.schema;
  const named = isSchemaObject(s.properties)
    ? Object.keys(s.properties).length
    : 0;
  if (named > 0 || shape.variants) return "object";
  if (isSchemaObject(s.patternProperties)) return "map";
  if (isSchemaObject(s.additionalProperties)) return "map";
  return "json";
}

function stringKind(s: SchemaObject, key: string): FieldKind {
  const format = typeof s.format === "string" ? s.format : null;
  const media =
    typeof s.contentMediaType === "string" ? s.contentMediaType : "";

  if (format === "date" || format === "date-time") return format;
  if (format === "time" || format === "duration") return format;
  if (format === "email" || format === "idn-email") return "email";
  if (format === "color") return "color";
  if (media.startsWith("image/")) return "image";
  if (format === "data-url") return isImageName(key) ? "image" : "file";
  if (format !== null && URL_FORMATS.has(format))
    return isImageName(key) ? "image" : "url";
  if (format === null && !s.enum) {
    const fromText = textKindFromName(s, key);
    if (fromText) return fromText;
  }
  return isMultiline(s, key) ? "long-text" : "text";
}

function textKindFromName(s: SchemaObject, key: string): FieldKind | null {
  const list = words(key);
  const datePattern =
    typeof s.pattern === "string" && /\\d\{4\}-/.test(s.pattern);
  if (datePattern)
    return s.pattern!.toString().includes("T") ? "date-time" : "date";
  if (list.includes("date") || list.includes("datetime")) {
    return list.includes("time") ? "date-time" : "date";
  }
  if (list.includes("timestamp")) return "date-time";
  if (list.includes("url") || list.includes("uri") || list.includes("href"))
    return isImageName(key) ? "image" : "url";
  if (isImageName(key) && list.length === 1) return "image";
  return null;
}

function isMultiline(s: SchemaObject, key: string): boolean {
  const maxLength = typeof s.maxLength === "number" ? s.maxLength : null;
  if (maxLength !== null) return maxLength > LONG_TEXT_LENGTH;
  const media =
    typeof s.contentMediaType === "string" ? s.contentMediaType : "";
  if (media.startsWith("text/")) return true;
  const examples = Array.isArray(s.examples) ? s.examples : [];
  if (examples.some((e) => typeof e === "string" && e.includes("\n")))
    return true;
  return isLongTextName(key);
}

/** A unit declared by the schema, its title, or the field's name. */
export function unitOf(s: SchemaObject, key: string, label: string) {
  for (const keyword of ["unit", "x-unit", "units", "x-units"]) {
    const value = s[keyword];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return unitFromTitle(label) ?? unitFromName(key);
}
