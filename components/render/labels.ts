/**
 * Human labels for fields named by JSON Pointer, taken from the schema's
 * titles when it has them ("Systolic (mmHg)") and otherwise made from the
 * property name ("durationMinutes" → "Duration minutes").
 */

type Node = Record<string, unknown>;

export function fieldLabel(schema: unknown, pointer: string): string {
  const node = schemaAt(schema, pointer);
  if (node && typeof node.title === "string" && node.title.trim()) {
    return node.title.trim();
  }
  const last = pointer
    .split("/")
    .filter((part) => part !== "-")
    .pop();
  return last ? humanize(last) : "Entry";
}

/** The subschema a pointer points into, following local $refs. */
export function schemaAt(schema: unknown, pointer: string): Node | null {
  let node = resolve(schema, schema);
  const parts = pointer === "" ? [] : pointer.slice(1).split("/");
  for (const part of parts) {
    if (!node) return null;
    const next =
      part === "-"
        ? node.items
        : (node.properties as Node | undefined)?.[unescape(part)];
    node = resolve(schema, next);
  }
  return node;
}

function resolve(root: unknown, value: unknown, depth = 0): Node | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const node = value as Node;
  const ref = node.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#") || depth > 8) {
    return node;
  }
  let target: unknown = root;
  for (const part of ref.slice(2).split("/").filter(Boolean)) {
    target = (target as Node | null)?.[unescape(part)];
  }
  return resolve(root, target, depth + 1) ?? node;
}

function unescape(part: string): string {
  return part.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function humanize(name: string): string {
  const spaced = name
    .replace(/[_-]+/g, " ")
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
