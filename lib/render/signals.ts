import { isDateKind, isScalarKind, type Field } from "./field";
import { eventStrength, isEndName, isIdName, titleStrength } from "./names";
import { parsePointer } from "./pointer";
import type { SchemaReading } from "./read-schema";

/**
 * The facts about a schema's fields that the rules score and the layouts
 * are built from, computed once per analysis.
 */
export interface Signals {
  reading: SchemaReading;
  /** Fields with one value per entry (not inside an array). */
  perEntry: Field[];
  /** Scalars always present, one value per entry: table/card material. */
  scalars: Field[];
  shortScalars: Field[];
  longTexts: Field[];
  nestedObjects: Field[];
  objectLists: Field[];
  /** Lists with one value per entry ("sets", "tags"), shown as a summary. */
  lists: Field[];
  conditionals: Field[];
  variants: Field[];
  opaque: Field[];
  eventDate: { field: Field; strength: number } | null;
  endDate: Field | null;
  title: Field | null;
  image: Field | null;
  /** A web address that is not a picture: an entry that links somewhere. */
  link: Field | null;
  description: Field | null;
}

export function signalsOf(reading: SchemaReading): Signals {
  const fields = reading.fields;
  const perEntry = fields.filter((f) => !f.isArrayItem && f.pointer !== "");
  const scalars = perEntry.filter(
    (f) => isScalarKind(f.kind) && !f.conditional && !f.variantOf,
  );
  const eventDate = pickEventDate(scalars);

  return {
    reading,
    perEntry,
    scalars,
    shortScalars: scalars.filter((f) => f.kind !== "long-text"),
    longTexts: scalars.filter((f) => f.kind === "long-text"),
    nestedObjects: perEntry.filter((f) => f.kind === "object"),
    objectLists: fields.filter(
      (f) => f.isArrayItem && f.kind === "object" && f.depth <= 2,
    ),
    lists: perEntry.filter(
      (f) => f.kind === "array" && !f.conditional && !f.variantOf && !f.opaque,
    ),
    conditionals: fields.filter((f) => f.conditional),
    variants: fields.filter((f) => f.variants !== null),
    opaque: fields.filter((f) => f.opaque),
    eventDate,
    endDate: pickEndDate(scalars, eventDate?.field ?? null),
    title: pickTitle(scalars),
    image: scalars.find((f) => f.kind === "image") ?? null,
    link: scalars.find((f) => f.kind === "url") ?? null,
    description: scalars.find((f) => f.kind === "long-text") ?? null,
  };
}

function pickEventDate(scalars: Field[]): Signals["eventDate"] {
  let best: Signals["eventDate"] = null;
  for (const field of scalars) {
    if (!isDateKind(field.kind) || field.type !== "string") continue;
    const strength = isEndName(field.key)
      ? 0.5
      : eventStrength(parsePointer(field.pointer));
    if (strength === 0) continue;
    if (!best || strength > best.strength) best = { field, strength };
  }
  return best;
}

function pickEndDate(scalars: Field[], start: Field | null): Field | null {
  if (!start) return null;
  return (
    scalars.find(
      (f) =>
        f !== start &&
        isDateKind(f.kind) &&
        f.parent === start.parent &&
        isEndName(f.key),
    ) ?? null
  );
}

/**
 * The string that best names one entry: "title", "name", then other free
 * text before an enum, and an id last. Free text tells entries apart
 * ("Morning run"); an enum repeats a few words ("left", "right"). A field
 * every entry must have outweighs free text that is optional: a field
 * added later would leave every earlier entry untitled.
 */
export function pickTitle(scalars: Field[]): Field | null {
  let best: Field | null = null;
  let bestScore = -Infinity;
  for (const field of scalars) {
    if (field.type !== "string" || !isTitleKind(field)) continue;
    const score =
      titleStrength(field.key) * 4 +
      (field.kind === "text" ? 3 : 0) -
      (isIdName(field.key) ? 4 : 0) +
      (field.required ? 4 : 0) +
      (field.depth === 1 ? 1 : 0);
    if (score > bestScore) {
      best = field;
      bestScore = score;
    }
  }
  return best;
}

function isTitleKind(field: Field): boolean {
  return field.kind === "text" || field.kind === "enum";
}
