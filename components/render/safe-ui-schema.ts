import type { UiSchema } from "@/lib/render/types";

/** Widget names RJSF's default registry knows, for any type. */
const KNOWN_WIDGETS = new Set([
  "checkbox",
  "checkboxes",
  "radio",
  "select",
  "hidden",
  "text",
  "password",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "uri",
  "data-url",
  "textarea",
  "date",
  "datetime",
  "date-time",
  "alt-date",
  "alt-datetime",
  "time",
  "color",
  "file",
  "updown",
  "range",
  "rating",
]);

/** Keys that let a uiSchema turn description text into markup. */
const MARKUP_KEYS = new Set([
  "ui:enableMarkdownInDescription",
  "ui:enableMarkdownInHelp",
  "enableMarkdownInDescription",
  "enableMarkdownInHelp",
]);

/**
 * A copy of a uiSchema that RJSF can render safely: no markdown (schema
 * text stays text), no custom fields this app does not have, and no widget
 * names the default registry would throw on.
 */
export function safeUiSchema(ui: UiSchema): UiSchema {
  return clean(ui) as UiSchema;
}

function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (!value || typeof value !== "object") return value;

  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (MARKUP_KEYS.has(key) || key === "ui:field") continue;
    if (key === "ui:widget" && !isKnownWidget(child)) continue;
    out[key] = clean(child);
  }
  return out;
}

function isKnownWidget(value: unknown): boolean {
  return typeof value === "string" && KNOWN_WIDGETS.has(value);
}
