import { getAt } from "@/lib/render/pointer";
import type { ColumnFormat } from "@/lib/render/types";

/**
 * Reading and showing one value of an entry. The views only ever render
 * text (React escapes it); links and images are allowed for http(s) URLs
 * alone, so a schema or an entry cannot smuggle in `javascript:` URLs.
 */

/** One entry as the views see it: a saved entry or a generated sample. */
export interface ViewEntry {
  id: string;
  data: unknown;
  occurredAt: string;
}

/** The value at a JSON Pointer ("" is the whole entry; "-" the first item). */
export function valueAt(data: unknown, pointer: string): unknown {
  try {
    return getAt(data, pointer);
  } catch {
    return undefined;
  }
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** A Date for ISO-like date strings and epoch numbers, else null. */
export function toDate(value: unknown): Date | null {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const date = new Date(dateOnly(value) ? `${value}T00:00:00` : value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (typeof value === "number" && value > 1e11) return new Date(value);
  return null;
}

function dateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

const numberFormat = new Intl.NumberFormat(undefined, {
  maximumFractionDigits: 2,
});
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});

export function formatDate(date: Date, withTime: boolean): string {
  return (withTime ? dateTimeFormat : dateFormat).format(date);
}

/** Plain text for any value, shaped by a column format when one is known. */
export function formatValue(value: unknown, format?: ColumnFormat): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") {
    return Number.isFinite(value) ? numberFormat.format(value) : String(value);
  }
  if (typeof value === "string") return formatString(value, format);
  if (Array.isArray(value)) return formatList(value);
  return compactJson(value);
}

/**
 * A list in a few words: its values, or for a list of objects the first
 * text each item holds ("Squat, Bench press"), else how many there are.
 */
function formatList(items: unknown[]): string {
  if (items.length === 0) return "—";
  const scalars = items.every((item) => typeof item !== "object" || !item);
  const names = scalars
    ? items.map((item) => formatValue(item))
    : items.map(firstText).filter((name): name is string => name !== null);
  if (names.length < items.length) {
    return `${items.length} item${items.length === 1 ? "" : "s"}`;
  }
  return shorten(names.join(", "));
}

function firstText(item: unknown): string | null {
  if (!item || typeof item !== "object" || Array.isArray(item)) return null;
  const text = Object.values(item).find(
    (value) => typeof value === "string" && value.trim() !== "",
  );
  return typeof text === "string" ? text : null;
}

function formatString(value: string, format?: ColumnFormat): string {
  if (format === "duration") return formatDuration(value);
  if (format === "date" || format === "date-time" || !format) {
    const date = toDate(value);
    if (date) return formatDate(date, !dateOnly(value));
  }
  return value;
}

/** "PT1H30M" → "1 h 30 min"; anything else is returned as written. */
export function formatDuration(value: string): string {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(
    value,
  );
  if (!match) return value;
  const [, days, hours, minutes, seconds] = match;
  const parts = [
    days && `${days} d`,
    hours && `${hours} h`,
    minutes && `${minutes} min`,
    seconds && `${seconds} s`,
  ].filter(Boolean);
  return parts.length ? parts.join(" ") : value;
}

function compactJson(value: unknown): string {
  return shorten(JSON.stringify(value));
}

/** Text short enough for a cell or a card line. */
function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** A value is shown when it is not undefined, null or "". */
export function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** The given fields of an entry's data that hold a value, in order. */
export function presentFields(
  data: unknown,
  fields: readonly string[],
): { field: string; value: unknown }[] {
  return fields
    .map((field) => ({ field, value: valueAt(data, field) }))
    .filter(({ value }) => present(value));
}

/**
 * A value with what sorting needs from it, worked out once: sorting
 * 10,000 rows makes ~130,000 comparisons, too many to parse dates in.
 */
export interface SortKey {
  value: unknown;
  empty: boolean;
  /** The time of a date-like value, else null. */
  time: number | null;
  /** The shown text, filled in by the first comparison that needs it. */
  text?: string;
}

export function sortKey(value: unknown): SortKey {
  const empty = !present(value);
  const time = empty ? null : (toDate(value)?.getTime() ?? null);
  return { value, empty, time };
}

const collator = new Intl.Collator(undefined, {
  numeric: true,
  sensitivity: "base",
});

/** Orders two values: numbers, dates and text; empty values last. */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a.empty || b.empty) return a.empty === b.empty ? 0 : a.empty ? 1 : -1;
  if (typeof a.value === "number" && typeof b.value === "number") {
    return a.value - b.value;
  }
  if (typeof a.value === "boolean" && typeof b.value === "boolean") {
    return Number(a.value) - Number(b.value);
  }
  if (a.time !== null && b.time !== null) return a.time - b.time;
  a.text ??= formatValue(a.value);
  b.text ??= formatValue(b.value);
  return collator.compare(a.text, b.text);
}
