import type { FieldSummary } from "@/lib/ai/prompt";
import { readSchema, type RootKind } from "@/lib/render";

/** What the analyser needs from the schema, read once per analysis. */
export interface SchemaOutline {
  /** A "list" schema's uiSchema lives under "items". */
  rootKind: RootKind;
  fields: FieldSummary[];
  /** Every pointer the model may name. */
  pointers: Set<string>;
  /** The reader's warnings; they become the render's warnings. */
  warnings: string[];
}

export function outlineSchema(schema: unknown): SchemaOutline {
  const read = readSchema(schema);
  const fields = read.fields.map((field): FieldSummary => ({
    pointer: field.pointer,
    label: field.label,
    type: field.type,
    kind: field.kind,
    format: field.format,
    unit: field.unit,
    description: field.description,
    enum: field.enumOptions?.map((option) => option.value) ?? null,
    required: field.required,
    inArray: field.isArrayItem,
  }));
  return {
    rootKind: read.rootKind,
    fields,
    pointers: new Set(fields.map((field) => field.pointer)),
    warnings: [...read.warnings],
  };
}
