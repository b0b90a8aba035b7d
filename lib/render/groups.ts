import { isScalarKind, type Field } from "./field";
import { humanize, words } from "./names";
import type { FieldGroup } from "./types";
import { clip } from "./text";

/**
 * Field groups: fields a designer sees as one thing. They come from
 * nesting (an object's scalar fields) and from related names among
 * siblings: systolic/diastolic, start/end, min/max, a value and its
 * *_unit, latitude/longitude.
 */
export function buildGroups(fields: Field[]): FieldGroup[] {
  const groups: FieldGroup[] = [];
  const seen = new Set<string>();
  const add = (title: string, members: Field[]) => {
    const pointers = members.map((f) => f.pointer);
    const key = [...pointers].sort().join("|");
    if (pointers.length < 2 || seen.has(key)) return;
    seen.add(key);
    groups.push({ title: clip(title, 120), fields: pointers });
  };

  const byPointer = new Map(fields.map((f) => [f.pointer, f]));
  const byParent = new Map<string, Field[]>();
  for (const field of fields) {
    if (field.parent === null) continue;
    const list = byParent.get(field.parent) ?? [];
    list.push(field);
    byParent.set(field.parent, list);
  }
  for (const [parent, siblings] of byParent) {
    const owner = byPointer.get(parent);
    const scalars = siblings.filter((f) => isScalarKind(f.kind));
    for (const [title, members] of relatedNames(scalars)) add(title, members);
    if (owner && owner.kind === "object") add(owner.label, scalars);
  }
  return groups;
}

type Related = [string, Field[]];

function relatedNames(siblings: Field[]): Related[] {
  const found: Related[] = [];
  const has = (f: Field, w: string) => words(f.key).includes(w);

  const systolic = siblings.find((f) => has(f, "systolic"));
  const diastolic = siblings.find((f) => has(f, "diastolic"));
  if (systolic && diastolic)
    found.push(["Blood pressure", [systolic, diastolic]]);

  const lat = siblings.find((f) => has(f, "lat") || has(f, "latitude"));
  const lon = siblings.find(
    (f) => has(f, "lon") || has(f, "lng") || has(f, "longitude"),
  );
  if (lat && lon) found.push(["Location", [lat, lon]]);

  found.push(
    ...pairs(
      siblings,
      ["start", "started", "begin", "dtstart"],
      ["end", "ended", "finish", "finished", "dtend"],
      "Period",
    ),
  );
  found.push(
    ...pairs(siblings, ["min", "minimum"], ["max", "maximum"], "Range"),
  );
  found.push(...units(siblings));
  return found;
}

/** Siblings whose names differ only by a start/end (or min/max) word. */
function pairs(
  siblings: Field[],
  firstWords: string[],
  secondWords: string[],
  fallback: string,
): Related[] {
  const stem = (f: Field, list: string[]) => {
    const w = words(f.key);
    if (!w.some((x) => list.includes(x))) return null;
    return w.filter((x) => !list.includes(x) && x !== "at").join(" ");
  };
  const seconds = new Map<string, Field>();
  for (const field of siblings) {
    const s2 = stem(field, secondWords);
    if (s2 !== null && !seconds.has(s2)) seconds.set(s2, field);
  }
  if (seconds.size === 0) return [];

  const found: Related[] = [];
  for (const first of siblings) {
    const s1 = stem(first, firstWords);
    const second = s1 === null ? undefined : seconds.get(s1);
    if (s1 === null || !second) continue;
    const plain = s1 === "" || s1 === "time" || s1 === "date";
    found.push([plain ? fallback : humanize(s1), [first, second]]);
  }
  return found;
}

function units(siblings: Field[]): Related[] {
  const byName = new Map(siblings.map((f) => [words(f.key).join(" "), f]));
  const found: Related[] = [];
  for (const unit of siblings) {
    const w = words(unit.key);
    const last = w[w.length - 1];
    if (last !== "unit" && last !== "units") continue;
    const base = w.slice(0, -1).join(" ");
    const value = byName.get(base === "" ? "value" : base);
    if (value && value !== unit) found.push([value.label, [value, unit]]);
  }
  return found;
}
