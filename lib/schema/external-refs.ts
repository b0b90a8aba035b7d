/**
 * A schema may point at other files or URLs ("$ref": "unit-value.json").
 * Those are never fetched, so a schema must not make the server call an
 * arbitrary address. Validators and forms get a copy in which each such
 * reference accepts any JSON value and says where it pointed.
 */
export function isExternalRef(ref: unknown): ref is string {
  return typeof ref === "string" && !ref.startsWith("#");
}

export interface OpaqueSchemaResult {
  schema: unknown;
  externalRefs: string[];
}

const MAX_DEPTH = 64;

export function withOpaqueExternalRefs(schema: unknown): OpaqueSchemaResult {
  const externalRefs = new Set<string>();
  const visit = (node: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) return node;
    if (Array.isArray(node)) return node.map((item) => visit(item, depth + 1));
    if (node === null || typeof node !== "object") return node;

    const record = node as Record<string, unknown>;
    if (isExternalRef(record.$ref)) {
      externalRefs.add(record.$ref);
      return opaque(record);
    }
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      // Values under these keywords are data, not subschemas.
      const literal = key === "enum" || key === "const" || key === "examples";
      copy[key] = literal ? value : visit(value, depth + 1);
    }
    return copy;
  };
  const result = visit(schema, 0);
  return { schema: result, externalRefs: [...externalRefs] };
}

function opaque(node: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  if (typeof node.title === "string") kept.title = node.title;
  const note = `Defined in ${String(node.$ref)}, which is not loaded: any JSON value is accepted.`;
  kept.description =
    typeof node.description === "string"
      ? `${node.description} (${note})`
      : note;
  return kept;
}
