import { z } from "zod";

/**
 * The answer to "how should data of this schema be shown?". Both analysers
 * (rule-based and AI) return this shape, and both pass through checkRender.
 *
 * Fields are named by JSON Pointer into one entry's data ("/distance",
 * "/heart/systolic"). A field inside the items of an array uses "-" for the
 * index ("/sets/-/reps"); such pointers appear in field groups and the
 * uiSchema, never as a table column, timeline or card field, which show one
 * value per entry. The root of the entry itself is "".
 */

export const RENDER_TYPES = ["form", "table", "timeline", "cards"] as const;
export const RenderType = z.enum(RENDER_TYPES);
export type RenderType = z.infer<typeof RenderType>;

export const Pointer = z
  .string()
  .max(512)
  .regex(/^(\/[^/]*)*$/, "a JSON Pointer such as /distance");
export type Pointer = z.infer<typeof Pointer>;

export const FormSection = z
  .object({
    title: z.string().min(1).max(120),
    description: z.string().max(500).nullable(),
    fields: z.array(Pointer),
  })
  .strict();

export const FormLayout = z
  .object({
    type: z.literal("form"),
    columns: z.union([z.literal(1), z.literal(2)]),
    sections: z.array(FormSection),
  })
  .strict();

export const COLUMN_FORMATS = [
  "text",
  "number",
  "integer",
  "boolean",
  "date",
  "date-time",
  "time",
  "duration",
  "enum",
  "email",
  "url",
  "image",
  "color",
  "json",
] as const;
export const ColumnFormat = z.enum(COLUMN_FORMATS);
export type ColumnFormat = z.infer<typeof ColumnFormat>;

export const TableColumn = z
  .object({
    field: Pointer,
    label: z.string().min(1).max(120),
    format: ColumnFormat,
    width: z.enum(["narrow", "medium", "wide"]),
  })
  .strict();
export type TableColumn = z.infer<typeof TableColumn>;

export const SortSpec = z
  .object({ field: Pointer, direction: z.enum(["asc", "desc"]) })
  .strict();

export const TableLayout = z
  .object({
    type: z.literal("table"),
    columns: z.array(TableColumn).min(1),
    defaultSort: SortSpec.nullable(),
    groupBy: Pointer.nullable(),
  })
  .strict();

export const TimelineLayout = z
  .object({
    type: z.literal("timeline"),
    /**
     * Says when an entry happened. Null for a schema without a date: the
     * timeline then places entries by when they were logged.
     */
    dateField: Pointer.nullable(),
    endDateField: Pointer.nullable(),
    titleField: Pointer,
    descriptionField: Pointer.nullable(),
    groupByField: Pointer.nullable(),
    /**
     * Short values shown under the title as "Label value" pairs, such as
     * a reading's numbers. Renders saved before this field existed lack
     * it, hence the default.
     */
    detailFields: z.array(Pointer).max(4).default([]),
  })
  .strict();

export const CardsLayout = z
  .object({
    type: z.literal("cards"),
    titleField: Pointer,
    subtitleField: Pointer.nullable(),
    imageField: Pointer.nullable(),
    badgeFields: z.array(Pointer).max(4),
    bodyFields: z.array(Pointer).max(8),
  })
  .strict();

export const Layout = z.discriminatedUnion("type", [
  FormLayout,
  TableLayout,
  TimelineLayout,
  CardsLayout,
]);
export type Layout = z.infer<typeof Layout>;
export type FormLayout = z.infer<typeof FormLayout>;
export type TableLayout = z.infer<typeof TableLayout>;
export type TimelineLayout = z.infer<typeof TimelineLayout>;
export type CardsLayout = z.infer<typeof CardsLayout>;
export type LayoutOf<T extends RenderType> = Extract<Layout, { type: T }>;

export const FieldGroup = z
  .object({
    title: z.string().min(1).max(120),
    fields: z.array(Pointer).min(1),
  })
  .strict();
export type FieldGroup = z.infer<typeof FieldGroup>;

/** An RJSF uiSchema: "ui:*" keys plus nested property names. */
export type UiSchema = { [key: string]: unknown };
export const UiSchema: z.ZodType<UiSchema> = z.record(z.string(), z.unknown());

export const Alternative = z
  .object({ renderType: RenderType, reason: z.string().min(1).max(300) })
  .strict();
export type Alternative = z.infer<typeof Alternative>;

export const RenderSource = z
  .object({
    analyzer: z.enum(["rules", "openai", "designer"]),
    version: z.string().min(1),
    model: z.string().nullable(),
  })
  .strict();
export type RenderSource = z.infer<typeof RenderSource>;

export const SchemaRender = z
  .object({
    renderType: RenderType,
    layout: Layout,
    fieldGroups: z.array(FieldGroup),
    uiSchema: UiSchema,
    rationale: z.string().min(1).max(600),
    alternatives: z.array(Alternative).max(3),
    source: RenderSource,
    /** Things the analyser could not use, such as external $refs. */
    warnings: z.array(z.string()),
  })
  .strict()
  .refine((render) => render.layout.type === render.renderType, {
    message: "layout.type must equal renderType",
    path: ["layout", "type"],
  });
export type SchemaRender = z.infer<typeof SchemaRender>;
