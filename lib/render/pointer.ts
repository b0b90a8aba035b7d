/**
 * JSON Pointer helpers (RFC 6901) for reading an entry's values.
 *
 * Pointers name a place in one entry's data: "" is the entry itself,
 * "/distance" a property, "/heart/systolic" a nested one. Inside the items
 * of an array the index is written "-" ("/sets/-/reps"): such a pointer
 * names every item's value, and `getAll` returns all of them.
 */

/** Escapes one property name for use as a pointer token. */
export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Appends property names (or "-" for array items) to a pointer. */
export function joinPointer(base: string, ...tokens: string[]): string {
  return base + tokens.map((t) => `/${escapeToken(t)}`).join("");
}

/** The unescaped tokens of a pointer; "" has none. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) {
    throw new Error(`"${pointer}" is not a JSON Pointer (must start with /)`);
  }
  return pointer.slice(1).split("/").map(unescapeToken);
}

/** The parent pointer ("/a/b" → "/a"); null for the root. */
export function parentPointer(pointer: string): string | null {
  if (pointer === "") return null;
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

/** True when the pointer goes through the items of an array ("/a/-/b"). */
export function isInsideArray(pointer: string): boolean {
  return parsePointer(pointer).some((t) => t === "-" || /^\d+$/.test(t));
}

/**
 * The value at `pointer` in `data`, or undefined when any step is missing.
 * A "-" token reads the first item; use `getAll` for every item.
 */
export function getAt(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const token of parsePointer(pointer)) {
    current = step(current, token === "-" ? "0" : token);
    if (current === undefined) return undefined;
  }
  return current;
}

/** Every value a pointer names, one per array item for each "-" token. */
export function getAll(data: unknown, pointer: string): unknown[] {
  let current: unknown[] = [data];
  for (const token of parsePointer(pointer)) {
    current = current.flatMap((value) => {
      if (token === "-") return Array.isArray(value) ? value : [];
      const next = step(value, token);
      return next === undefined ? [] : [next];
    });
  }
  return current;
}

function step(value: unknown, token: string): unknown {
  if (Array.isArray(value)) {
    if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
    return value[Number(token)];
  }
  if (value !== null && typeof value === "object") {
    if (!Object.prototype.hasOwnProperty.call(value, token)) return undefined;
    return (value as Record<string, unknown>)[token];
  }
  return undefined;
}
