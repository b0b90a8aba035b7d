import { findNodeAtLocation, parseTree } from "jsonc-parser";

/**
 * The 1-based line of the JSON text where a JSON Pointer points, so an
 * editor can mark a schema problem where it is. Falls back to the nearest
 * ancestor that exists, then to line 1.
 */
export function lineOfPointer(text: string, pointer: string): number {
  const tree = parseTree(text);
  if (!tree) return 1;
  const path = pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((token) => (/^\d+$/.test(token) ? Number(token) : token));

  for (let length = path.length; length >= 0; length -= 1) {
    const node = findNodeAtLocation(tree, path.slice(0, length));
    if (node) {
      // A property's value node starts after its key; mark the key's line.
      const start =
        node.parent?.type === "property" ? node.parent.offset : node.offset;
      return text.slice(0, start).split("\n").length;
    }
  }
  return 1;
}
