import { zodFunction } from "openai/helpers/zod";
import type { ChatCompletionFunctionTool } from "openai/resources/chat/completions";
import { z } from "zod";
import type { RootKind } from "@/lib/render";
import {
  COLUMN_FORMATS,
  RENDER_TYPES,
  type Layout,
  type UiSchema,
} from "@/lib/render/types";

/**
 * The render as the model writes it. Strict mode needs every object closed
 * and every property required, so SchemaRender's free-form uiSchema becomes
 * a list of per-field hints, and the parts we know better than the model
 * (source, warnings) are left out and filled in afterwards. Length limits
 * live in the descriptions: SchemaRender enforces them when we convert.
 */

const FieldRef = z
  .string()
  .describe("A JSON Pointer copied exactly from the field list");
const OptionalRef = FieldRef.nullable();

const ModelFormLayout = z.object({
  type: z.literal("form"),
  columns: z.literal([1, 2]),
  sections: z.array(
    z.object({
      title: z.string().describe("1-120 characters"),
      description: z.string().nullable().describe("At most 500 characters"),
      fields: z.array(FieldRef),
    }),
  ),
});

const ModelTableLayout = z.object({
  type: z.literal("table"),
  columns: z
    .array(
      z.object({
        field: FieldRef,
        label: z.string().describe("1-120 characters"),
        format: z.enum(COLUMN_FORMATS),
        width: z.enum(["narrow", "medium", "wide"]),
      }),
    )
    .describe("At least one column"),
  defaultSort: z
    .object({ field: FieldRef, direction: z.enum(["asc", "desc"]) })
    .nullable(),
  groupBy: OptionalRef,
});

const ModelTimelineLayout = z.object({
  type: z.literal("timeline"),
  dateField: OptionalRef.describe(
    "A date or date-time field; null only when the schema has none " +
      "(entries are then placed by when they were logged)",
  ),
  endDateField: OptionalRef,
  titleField: FieldRef,
  descriptionField: OptionalRef,
  groupByField: OptionalRef,
  detailFields: z
    .array(FieldRef)
    .describe(
      "0-4 short values shown under the title as label and value, " +
        "measurements with units first; none already used above",
    ),
});

const ModelCardsLayout = z.object({
  type: z.literal("cards"),
  titleField: FieldRef,
  subtitleField: OptionalRef,
  imageField: OptionalRef,
  badgeFields: z.array(FieldRef).describe("At most 4"),
  bodyFields: z.array(FieldRef).describe("At most 8"),
});

export const UI_WIDGETS = [
  "text",
  "textarea",
  "password",
  "email",
  "uri",
  "color",
  "date",
  "datetime",
  "time",
  "updown",
  "range",
  "radio",
  "select",
  "checkbox",
  "checkboxes",
  "hidden",
] as const;

const UiHint = z.object({
  pointer: FieldRef,
  widget: z.enum(UI_WIDGETS).nullable(),
  placeholder: z.string().nullable().describe("At most 300 characters"),
  help: z.string().nullable().describe("At most 300 characters"),
  options_json: z
    .string()
    .nullable()
    .describe('A JSON object of RJSF ui:options, e.g. {"rows":4}, or null'),
});
export type UiHint = z.infer<typeof UiHint>;

export const RenderSuggestion = z.object({
  rationale: z
    .string()
    .describe("Why this render suits the data; 1-600 characters"),
  renderType: z.enum(RENDER_TYPES),
  layout: z.discriminatedUnion("type", [
    ModelFormLayout,
    ModelTableLayout,
    ModelTimelineLayout,
    ModelCardsLayout,
  ]),
  fieldGroups: z.array(
    z.object({ title: z.string(), fields: z.array(FieldRef) }),
  ),
  uiHints: z.array(UiHint),
  alternatives: z
    .array(
      z.object({
        renderType: z.enum(RENDER_TYPES),
        reason: z.string().describe("1-300 characters"),
      }),
    )
    .describe("Up to 3 other render types worth comparing"),
});
export type RenderSuggestion = z.infer<typeof RenderSuggestion>;

export const TOOL_NAME = "suggest_render";

/** The one tool the model is forced to call, in strict mode. */
export const suggestRenderTool: ChatCompletionFunctionTool = zodFunction({
  name: TOOL_NAME,
  description:
    "Record how entries of this activity should be shown. Call exactly " +
    "once with the complete render.",
  parameters: RenderSuggestion,
});

/** What turns a suggestion into a SchemaRender, minus the known fields. */
export interface RenderDraft {
  renderType: RenderSuggestion["renderType"];
  layout: Layout;
  fieldGroups: RenderSuggestion["fieldGroups"];
  uiSchema: UiSchema;
  rationale: string;
  alternatives: RenderSuggestion["alternatives"];
}

/**
 * Folds the model's per-field hints into an RJSF uiSchema. Problems are
 * returned, not thrown, so they can be shown to the model in a repair turn.
 */
export function draftFromSuggestion(
  suggestion: RenderSuggestion,
  rootKind: RootKind = "object",
): {
  draft: RenderDraft;
  problems: string[];
} {
  const problems: string[] = [];
  const uiSchema: UiSchema = {};
  // Each entry of a "list" schema is one item of the root array, so its
  // fields' uiSchema sits under the root's "items".
  const entryUi = rootKind === "list" ? uiNodeFor(uiSchema, "/-") : uiSchema;
  suggestion.uiHints.forEach((hint, index) => {
    const where = `uiHints[${index}] (${hint.pointer})`;
    const options = parseOptions(hint.options_json);
    if (typeof options === "string") {
      problems.push(`${where}: ${options}`);
      return;
    }
    const node = entryUi && uiNodeFor(entryUi, hint.pointer);
    if (!node) {
      problems.push(`${where}: "${hint.pointer}" is not a JSON Pointer`);
      return;
    }
    if (hint.widget) node["ui:widget"] = hint.widget;
    if (hint.placeholder) node["ui:placeholder"] = clip(hint.placeholder);
    if (hint.help) node["ui:help"] = clip(hint.help);
    if (options) node["ui:options"] = options;
  });

  const { uiHints: _hints, ...rest } = suggestion;
  return { draft: { ...rest, uiSchema }, problems };
}

type UiNode = { [key: string]: unknown };

/**
 * Finds (creating on the way) the uiSchema node of a field. RJSF nests by
 * property name, and array items sit under "items", which is what "-" in
 * our pointers stands for.
 */
export function uiNodeFor(root: UiNode, pointer: string): UiNode | null {
  if (pointer !== "" && !pointer.startsWith("/")) return null;
  let node = root;
  for (const raw of pointer.split("/").slice(1)) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const key = token === "-" ? "items" : token;
    if (key.startsWith("ui:")) return null;
    const child = Object.hasOwn(node, key) ? node[key] : undefined;
    if (isPlainObject(child)) {
      node = child;
      continue;
    }
    // defineProperty, not assignment, so a property named "__proto__"
    // becomes a plain key instead of replacing the prototype.
    const created: UiNode = {};
    Object.defineProperty(node, key, {
      value: created,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    node = created;
  }
  return node;
}

const OptionValue = z.union([
  z.string().max(200),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string().max(200), z.number(), z.boolean()])).max(50),
]);
const UiOptions = z.record(z.string().max(60), OptionValue);

/** Returns the options object, null for none, or a problem sentence. */
function parseOptions(
  json: string | null,
): Record<string, unknown> | null | string {
  if (json === null || json.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return "options_json is not valid JSON";
  }
  const parsed = UiOptions.safeParse(value);
  if (!parsed.success) {
    return (
      "options_json must be a JSON object of short strings, numbers, " +
      "booleans or lists of them"
    );
  }
  return Object.keys(parsed.data).length > 0 ? parsed.data : null;
}

/** Hints are one line of help, not a place for an essay. */
const MAX_HINT_TEXT = 300;

function clip(text: string): string {
  return text.length > MAX_HINT_TEXT ? text.slice(0, MAX_HINT_TEXT) : text;
}

function isPlainObject(value: unknown): value is UiNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
