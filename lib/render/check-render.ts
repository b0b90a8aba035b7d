import { isDateKind, isScalarKind, type Field, type JsonType } from "./field";
import { readSchema, type SchemaReading } from "./read-schema";
import { InvalidSchemaError } from "./errors";
import {
  SchemaRender as SchemaRenderShape,
  type SchemaRender,
  type TimelineLayout,
} from "./types";

/** One reason a render cannot be used, at a path into the render. */
export interface RenderProblem {
  /** Where in the render, "/layout/dateField" or "/uiSchema/sets/items". */
  path: string;
  message: string;
}

/** The widget names RJSF registers; any other name makes it throw. */
export const RJSF_WIDGETS = new Set([
  "alt-date",
  "alt-datetime",
  "checkbox",
  "checkboxes",
  "color",
  "date",
  "datetime",
  "email",
  "file",
  "hidden",
  "password",
  "radio",
  "range",
  "rating",
  "select",
  "text",
  "textarea",
  "time",
  "updown",
  "uri",
]);

/**
 * Checks a render against its schema; an empty list means it can be used.
 * Every pointer in the layout, groups and uiSchema must name a field;
 * table, timeline and card fields must hold one value per entry (not
 * inside an array) of a fitting type, and a timeline's detail fields
 * must not repeat one it already shows; the uiSchema must be one RJSF
 * renders (known widgets, orders it accepts). Both analysers' output
 * passes through here.
 */
export function checkRender(
  schema: unknown,
  render: SchemaRender,
): RenderProblem[] {
  const parsed = SchemaRenderShape.safeParse(render);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      path: `/${issue.path.map(String).join("/")}`,
      message: issue.message,
    }));
  }

  let reading: SchemaReading;
  try {
    reading = readSchema(schema);
  } catch (error) {
    if (!(error instanceof InvalidSchemaError)) throw error;
    return [{ path: "", message: error.message }];
  }
  // The parsed render, with defaults filled in for renders saved before
  // a field (such as a timeline's detailFields) existed.
  const check = new Checker(reading);
  check.layout(parsed.data);
  check.groups(parsed.data);
  check.ui(render.uiSchema, reading);
  return check.problems;
}

type Need = "scalar" | "date" | "string" | "image";

class Checker {
  readonly problems: RenderProblem[] = [];
  private readonly byPointer: Map<string, Field>;

  constructor(private readonly reading: SchemaReading) {
    this.byPointer = new Map(reading.fields.map((f) => [f.pointer, f]));
  }

  private fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** The field a pointer names, or a problem saying it names none. */
  private field(path: string, pointer: string): Field | null {
    const field = this.byPointer.get(pointer);
    if (!field) this.fail(path, `"${pointer}" is not a field of the schema`);
    return field ?? null;
  }

  /** A field a view shows once per entry, of the type the view needs. */
  private perEntry(path: string, pointer: string | null, need: Need): void {
    if (pointer === null) return;
    const field = this.field(path, pointer);
    if (!field) return;
    if (field.isArrayItem) {
      this.fail(path, `"${pointer}" is inside an array, so an entry has many`);
      return;
    }
    const problem = mismatch(field, need);
    if (problem) this.fail(path, `"${pointer}" ${problem}`);
  }

  layout(render: SchemaRender): void {
    const layout = render.layout;
    if (layout.type !== render.renderType) {
      this.fail("/layout/type", `must equal renderType "${render.renderType}"`);
    }
    switch (layout.type) {
      case "form":
        layout.sections.forEach((section, i) =>
          section.fields.forEach((pointer, j) =>
            this.field(`/layout/sections/${i}/fields/${j}`, pointer),
          ),
        );
        return;
      case "table":
        layout.columns.forEach((column, i) =>
          this.column(`/layout/columns/${i}`, column.field, column.format),
        );
        this.perEntry(
          "/layout/defaultSort/field",
          layout.defaultSort?.field ?? null,
          "scalar",
        );
        this.perEntry("/layout/groupBy", layout.groupBy, "scalar");
        return;
      case "timeline":
        this.perEntry("/layout/dateField", layout.dateField, "date");
        this.perEntry("/layout/endDateField", layout.endDateField, "date");
        this.perEntry("/layout/titleField", layout.titleField, "scalar");
        this.perEntry(
          "/layout/descriptionField",
          layout.descriptionField,
          "scalar",
        );
        this.perEntry("/layout/groupByField", layout.groupByField, "scalar");
        this.details(layout);
        return;
      case "cards":
        this.perEntry("/layout/titleField", layout.titleField, "string");
        this.perEntry("/layout/subtitleField", layout.subtitleField, "scalar");
        this.perEntry("/layout/imageField", layout.imageField, "image");
        layout.badgeFields.forEach((p, i) =>
          this.perEntry(`/layout/badgeFields/${i}`, p, "scalar"),
        );
        layout.bodyFields.forEach((p, i) =>
          this.perEntry(`/layout/bodyFields/${i}`, p, "scalar"),
        );
    }
  }

  /** Detail pairs add values the item does not already show. */
  private details(layout: TimelineLayout): void {
    const shown = new Set(
      [
        layout.dateField,
        layout.endDateField,
        layout.titleField,
        layout.descriptionField,
        layout.groupByField,
      ].filter((p): p is string => p !== null),
    );
    layout.detailFields.forEach((pointer, i) => {
      const path = `/layout/detailFields/${i}`;
      if (shown.has(pointer)) {
        this.fail(path, `"${pointer}" is already shown in the item`);
        return;
      }
      shown.add(pointer);
      this.perEntry(path, pointer, "scalar");
    });
  }

  private column(path: string, pointer: string, format: string): void {
    this.perEntry(`${path}/field`, pointer, "scalar");
    const field = this.byPointer.get(pointer);
    if (!field || !isScalarish(field)) return;
    const fits = formatFits(field, format);
    if (!fits) {
      this.fail(
        `${path}/format`,
        `"${format}" does not fit ${an(field.kind)} field`,
      );
    }
  }

  groups(render: SchemaRender): void {
    render.fieldGroups.forEach((group, i) =>
      group.fields.forEach((pointer, j) =>
        this.field(`/fieldGroups/${i}/fields/${j}`, pointer),
      ),
    );
  }

  ui(ui: Record<string, unknown>, reading: SchemaReading): void {
    if (reading.rootKind === "list") {
      for (const key of Object.keys(ui)) {
        if (key !== "items" && !key.startsWith("ui:"))
          this.fail(`/uiSchema/${key}`, 'a list of entries only takes "items"');
      }
      this.uiNode(asObject(ui.items), "", "/uiSchema/items", "object");
      this.uiKeys(ui, "/uiSchema");
      return;
    }
    const root = this.byPointer.get("");
    this.uiNode(ui, "", "/uiSchema", root?.kind ?? "object", root);
  }

  private uiNode(
    ui: Record<string, unknown>,
    pointer: string,
    path: string,
    kind: string,
    field?: Field,
  ): void {
    this.uiKeys(ui, path, field);
    if (kind === "object") this.uiOrder(ui, pointer, path);
    for (const [key, value] of Object.entries(ui)) {
      if (key.startsWith("ui:")) continue;
      const target = this.uiTarget(key, value, pointer, kind);
      if (target === null) {
        this.fail(
          `${path}/${key}`,
          `names no field under "${pointer || "(entry)"}"`,
        );
        continue;
      }
      for (const [childPointer, childUi, childPath] of target) {
        const field = this.byPointer.get(childPointer);
        if (!field) {
          this.fail(
            `${path}/${childPath}`,
            `"${childPointer}" is not a field of the schema`,
          );
          continue;
        }
        const at = `${path}/${childPath}`;
        if (field.nullableBy === "choice" && "ui:widget" in childUi) {
          this.fail(
            `${at}/ui:widget`,
            "RJSF shows this field as a choice between null and a value; " +
              "a widget here makes it throw",
          );
        }
        this.uiNode(childUi, childPointer, at, field.kind, field);
      }
    }
  }

  private uiTarget(
    key: string,
    value: unknown,
    pointer: string,
    kind: string,
  ): [string, Record<string, unknown>, string][] | null {
    if (kind === "tuple" && key === "items" && Array.isArray(value)) {
      return value.map((v, i) => [
        `${pointer}/${i}`,
        asObject(v),
        `items/${i}`,
      ]);
    }
    if (
      (kind === "array" && key === "items") ||
      (kind === "tuple" && key === "additionalItems")
    ) {
      return [[`${pointer}/-`, asObject(value), key]];
    }
    if (kind !== "object") return null;
    const escaped = key.replace(/~/g, "~0").replace(/\//g, "~1");
    return [[`${pointer}/${escaped}`, asObject(value), escaped]];
  }

  private uiKeys(
    ui: Record<string, unknown>,
    path: string,
    field?: Field,
  ): void {
    const widget = ui["ui:widget"];
    if (typeof widget !== "string") return;
    if (!RJSF_WIDGETS.has(widget)) {
      this.fail(`${path}/ui:widget`, `"${widget}" is not a widget RJSF knows`);
      return;
    }
    const misfit = field ? widgetMisfit(field, widget) : null;
    if (misfit) this.fail(`${path}/ui:widget`, misfit);
  }

  // RJSF refuses an order that names a property the object lacks, or that
  // leaves one out without a "*".
  private uiOrder(
    ui: Record<string, unknown>,
    pointer: string,
    path: string,
  ): void {
    const order = ui["ui:order"];
    if (order === undefined) return;
    if (!Array.isArray(order)) {
      this.fail(`${path}/ui:order`, "must be a list of property names");
      return;
    }
    const own = this.reading.fields.filter((f) => f.parent === pointer);
    const base = own.filter((f) => !f.conditional && !f.variantOf);
    order.forEach((name, i) => {
      if (name === "*") return;
      const field = own.find((f) => f.key === name);
      if (!field)
        this.fail(
          `${path}/ui:order/${i}`,
          `"${String(name)}" is not a property here`,
        );
      else if (field.conditional || field.variantOf)
        this.fail(
          `${path}/ui:order/${i}`,
          `"${String(name)}" exists only in some cases; place it with "*"`,
        );
    });
    const missing = base.filter((f) => !order.includes(f.key));
    if (!order.includes("*") && missing.length > 0) {
      this.fail(
        `${path}/ui:order`,
        `leaves out "${missing[0]!.key}" and has no "*"`,
      );
    }
  }
}

function an(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Scalars, and lists of scalars a cell can show as a short list. */
function isScalarish(field: Field): boolean {
  return isScalarKind(field.kind) || field.kind === "array";
}

function mismatch(field: Field, need: Need): string | null {
  switch (need) {
    case "scalar":
      return isScalarish(field)
        ? null
        : `is ${an(field.kind)} field, not a single value`;
    case "date":
      return isDateKind(field.kind) && field.type === "string"
        ? null
        : `is ${an(field.kind)} field, not a date or date-time string`;
    case "string":
      return field.type === "string" && isScalarKind(field.kind)
        ? null
        : `is ${an(field.kind)} field, not text`;
    case "image":
      return ["image", "url"].includes(field.kind)
        ? null
        : `is ${an(field.kind)} field, not an image or URL`;
  }
}

/** The JSON types a widget can edit; absent means any. */
const WIDGET_TYPES: Record<string, readonly JsonType[]> = {
  checkbox: ["boolean"],
  checkboxes: ["array"],
  range: ["number", "integer"],
  updown: ["number", "integer"],
  rating: ["number", "integer"],
  text: ["string", "number", "integer"],
  textarea: ["string"],
  password: ["string"],
  email: ["string"],
  uri: ["string"],
  color: ["string"],
  date: ["string"],
  datetime: ["string"],
  "alt-date": ["string"],
  "alt-datetime": ["string"],
  time: ["string"],
  file: ["string", "array"],
};

/**
 * Why a widget cannot edit the field's values, or null when it can: RJSF
 * would draw a date picker for a number, or a checkbox that can never
 * hold a text value. A choice (radio, select) needs values to choose from.
 */
function widgetMisfit(field: Field, widget: string): string | null {
  const types = field.types.length > 0 ? field.types : [field.type];
  if (types.includes("any")) return null;
  if (widget === "radio" || widget === "select") {
    const choice =
      field.enumOptions !== null ||
      types.includes("boolean") ||
      types.includes("array");
    return choice
      ? null
      : `"${widget}" needs values to choose from, and ` +
          `"${field.pointer}" has none`;
  }
  const fits = WIDGET_TYPES[widget];
  if (!fits || types.some((type) => fits.includes(type))) return null;
  return (
    `"${widget}" cannot edit "${field.pointer}", ` +
    `${an(types.join(" or "))} field`
  );
}

function formatFits(field: Field, format: string): boolean {
  switch (format) {
    case "date":
    case "date-time":
      return isDateKind(field.kind);
    case "number":
    case "integer":
      return field.type === "number" || field.type === "integer";
    case "boolean":
      return field.type === "boolean";
    case "image":
    case "url":
    case "email":
      return field.type === "string";
    default:
      return true;
  }
}
