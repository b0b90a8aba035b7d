import { isDateKind, type Field, type FieldKind } from "./field";
import { isIdName, titleStrength, words } from "./names";
import type { Signals } from "./signals";
import type {
  CardsLayout,
  ColumnFormat,
  FormLayout,
  TableColumn,
  TableLayout,
  TimelineLayout,
} from "./types";
import { clip } from "./text";

/** A layout, or the reason a render type cannot show these entries. */
export type Built<L> = { ok: true; layout: L } | { ok: false; reason: string };

const MAX_COLUMNS = 8;
const MAX_SECTION_FIELDS = 60;
/** Detail pairs under a timeline title; more would crowd a phone. */
const MAX_DETAILS = 4;

export function buildForm(signals: Signals): Built<FormLayout> {
  const { reading } = signals;
  if (reading.rootKind === "scalar" || reading.rootKind === "array") {
    const title = clip(reading.title ?? "Entry", 120);
    return {
      ok: true,
      layout: {
        type: "form",
        columns: 1,
        sections: [{ title, description: null, fields: [""] }],
      },
    };
  }

  const top = reading.fields.filter((f) => f.depth === 1);
  const general = top.filter((f) => f.kind !== "object");
  const objects = top.filter((f) => f.kind === "object");
  const sections: FormLayout["sections"] = [];
  if (general.length > 0) {
    sections.push({
      title: clip(reading.title ?? "Details", 120),
      description: reading.description ? clip(reading.description, 500) : null,
      fields: general.map((f) => f.pointer).slice(0, MAX_SECTION_FIELDS),
    });
  }
  for (const object of objects) {
    const children = reading.fields.filter((f) => f.parent === object.pointer);
    sections.push({
      title: clip(object.label, 120),
      description: object.description ? clip(object.description, 500) : null,
      fields: (children.length > 0 ? children : [object])
        .map((f) => f.pointer)
        .slice(0, MAX_SECTION_FIELDS),
    });
  }
  const wide = signals.shortScalars.length > 8 && signals.longTexts.length < 3;
  return {
    ok: true,
    layout: { type: "form", columns: wide ? 2 : 1, sections },
  };
}

export function buildTable(signals: Signals): Built<TableLayout> {
  const candidates = signals.scalars.filter((f) => f.kind !== "long-text");
  if (candidates.length === 0) {
    return {
      ok: false,
      reason: "No field holds one short value per entry to make a column.",
    };
  }

  // Lists (exercises, tags) come last, as a short summary of each entry's.
  const ordered = [...orderColumns(candidates, signals), ...signals.lists];
  const columns = ordered.slice(0, MAX_COLUMNS).map(columnOf);
  const date = signals.eventDate?.field;
  const defaultSort = date
    ? { field: date.pointer, direction: "desc" as const }
    : null;
  return {
    ok: true,
    layout: {
      type: "table",
      columns,
      defaultSort,
      groupBy: categoryOf(signals)?.pointer ?? null,
    },
  };
}

// When the entry happened first, then its name (free text), then the
// required fields, always filled in: measurements before choices. The
// optional rest keeps the schema's order, which is the author's.
function orderColumns(fields: Field[], signals: Signals): Field[] {
  const name = signals.title?.kind === "text" ? signals.title : null;
  const first = [signals.eventDate?.field, name].filter(
    (f): f is Field => f != null && fields.includes(f),
  );
  const rest = fields.filter((f) => !first.includes(f));
  const required = byValueRank(rest.filter((f) => f.required));
  const optional = rest.filter((f) => !f.required);
  return [...first, ...required, ...optional];
}

/**
 * How much one short value says about an entry at a glance: 0 for a
 * measurement with its unit ("Systolic (mmHg)"), then other numbers,
 * then choices, then the rest; null for values that read badly as a
 * short pair (links, images, colours, ids).
 */
function valueRank(field: Field): number | null {
  const unreadable = ["url", "image", "file", "color", "email"];
  if (unreadable.includes(field.kind) || isIdName(field.key)) return null;
  const numeric = field.type === "number" || field.type === "integer";
  if (numeric && field.unit) return 0;
  if (numeric || field.kind === "duration") return 1;
  if (field.kind === "enum" || field.kind === "boolean") return 2;
  return 3;
}

/** Stable: by rank, required before optional, then in schema order. */
function byValueRank(fields: Field[]): Field[] {
  const rankOf = (f: Field) => valueRank(f) ?? 4;
  return [...fields].sort(
    (a, b) => rankOf(a) - rankOf(b) || Number(b.required) - Number(a.required),
  );
}

/** The label with its unit, unless the label already names the unit. */
function labelWithUnit(field: Field): string {
  if (!field.unit) return field.label;
  const named = field.label.toLowerCase().includes(field.unit.toLowerCase());
  return named ? field.label : `${field.label} (${field.unit})`;
}

export function columnOf(field: Field): TableColumn {
  return {
    field: field.pointer,
    label: clip(labelWithUnit(field), 120),
    format: columnFormat(field.kind),
    width: widthOf(field),
  };
}

const COLUMN_FORMAT: Partial<Record<FieldKind, ColumnFormat>> = {
  // Lists are summarised as text: "Squat, Bench press", "3 items".
  array: "text",
  number: "number",
  integer: "integer",
  boolean: "boolean",
  date: "date",
  "date-time": "date-time",
  time: "time",
  duration: "duration",
  enum: "enum",
  email: "email",
  url: "url",
  image: "image",
  color: "color",
};

export function columnFormat(kind: FieldKind): ColumnFormat {
  if (kind === "text" || kind === "long-text" || kind === "file") return "text";
  return COLUMN_FORMAT[kind] ?? "json";
}

function widthOf(field: Field): TableColumn["width"] {
  if (
    ["boolean", "number", "integer", "date", "time", "color"].includes(
      field.kind,
    )
  )
    return "narrow";
  if (field.kind === "enum") return "narrow";
  if (field.kind === "url" || (field.maxLength ?? 0) > 80) return "wide";
  return "medium";
}

function categoryOf(signals: Signals): Field | null {
  return (
    signals.scalars.find(
      (f) =>
        f.kind === "enum" &&
        (f.enumOptions?.length ?? 0) <= 8 &&
        words(f.key).some((w) =>
          ["category", "type", "kind", "group", "status"].includes(w),
        ),
    ) ?? null
  );
}

export function buildTimeline(signals: Signals): Built<TimelineLayout> {
  // Without a date field the entries still have when they were logged.
  const date = signals.eventDate?.field ?? null;
  const shown = [date, signals.endDate, signals.description];
  const candidates = byValueRank(
    signals.shortScalars.filter(
      (f) => !shown.includes(f) && valueRank(f) !== null,
    ),
  );
  const title =
    signals.title ??
    candidates[0] ??
    signals.shortScalars.find((f) => f !== date) ??
    date;
  if (!title) {
    return {
      ok: false,
      reason:
        "No short value can title each entry, so a timeline would show " +
        "nothing but times.",
    };
  }
  // A category that titles the item would show twice as its badge.
  const category = categoryOf(signals);
  const group = category === title ? null : category;
  const details = [
    ...candidates.filter((f) => f !== title && f !== group),
    ...signals.lists,
  ].slice(0, MAX_DETAILS);
  return {
    ok: true,
    layout: {
      type: "timeline",
      dateField: date?.pointer ?? null,
      endDateField: date ? (signals.endDate?.pointer ?? null) : null,
      titleField: title.pointer,
      descriptionField: signals.description?.pointer ?? null,
      groupByField: group?.pointer ?? null,
      detailFields: details.map((f) => f.pointer),
    },
  };
}

export function buildCards(signals: Signals): Built<CardsLayout> {
  const title = signals.title;
  if (!title) {
    return {
      ok: false,
      reason: "No text field can name each entry as a card title.",
    };
  }

  const used = new Set<Field>([title]);
  const take = (f: Field | null | undefined) => {
    if (f) used.add(f);
    return f ?? null;
  };
  const image = take(signals.image);
  const subtitle = take(
    signals.shortScalars.find(
      (f) => !used.has(f) && (f.kind === "text" || isDateKind(f.kind)),
    ),
  );
  const badges = signals.shortScalars
    .filter((f) => !used.has(f) && ["enum", "boolean"].includes(f.kind))
    .slice(0, 4);
  badges.forEach((f) => used.add(f));
  const body = [
    ...signals.longTexts,
    ...signals.shortScalars.filter((f) => !used.has(f) && f.kind !== "image"),
    ...signals.lists,
  ]
    .filter((f) => !used.has(f))
    .slice(0, 8);

  return {
    ok: true,
    layout: {
      type: "cards",
      titleField: title.pointer,
      subtitleField: subtitle?.pointer ?? null,
      imageField: image?.pointer ?? null,
      badgeFields: badges.map((f) => f.pointer),
      bodyFields: body.map((f) => f.pointer),
    },
  };
}

export function isNamedTitle(field: Field | null): boolean {
  return field !== null && titleStrength(field.key) > 0;
}
