import type { Field } from "./field";
import { getAll, getAt } from "./pointer";
import type { RootKind } from "./read-schema";

/**
 * Reading a field's value from an entry, for the views. They receive
 * Fields (plain data) and entries, and show labels and values as text.
 */

/** The entries a stored value holds: the items of a list, else itself. */
export function entriesOf(rootKind: RootKind, value: unknown): unknown[] {
  if (rootKind === "list") return Array.isArray(value) ? value : [];
  return [value];
}

/** A field's value in one entry; every item's value when it is in a list. */
export function fieldValue(entry: unknown, field: Field): unknown {
  return field.isArrayItem
    ? getAll(entry, field.pointer)
    : getAt(entry, field.pointer);
}

/** The label with its unit: "Distance (km)". */
export function fieldLabel(field: Field): string {
  return field.unit ? `${field.label} (${field.unit})` : field.label;
}

/**
 * A value as short text: an enum's label rather than its code, the unit
 * after a number, "—" for a missing value, JSON for anything structured.
 */
export function formatFieldValue(field: Field, value: unknown): string {
  if (value === undefined || value === null) return "—";
  const option = field.enumOptions?.find((o) => o.value === value);
  if (option) return option.label;
  if (typeof value === "number" && field.unit) return `${value} ${field.unit}`;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object"))
    return value.join(", ");
  return JSON.stringify(value);
}
