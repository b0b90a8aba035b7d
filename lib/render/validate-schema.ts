import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import Ajv2019 from "ajv/dist/2019";
import Ajv2020 from "ajv/dist/2020";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json";
import addFormats from "ajv-formats";
import { DRAFT_04_META_SCHEMA } from "./meta/draft-04";

/** One reason a schema was refused, at a JSON Pointer into the schema. */
export interface SchemaProblem {
  pointer: string;
  message: string;
}

export type SchemaValidation =
  { ok: true } | { ok: false; problems: SchemaProblem[] };

export type Draft =
  "draft-04" | "draft-06" | "draft-07" | "2019-09" | "2020-12";

const MAX_PROBLEMS = 20;

/**
 * Checks that `schema` is a JSON Schema an entry can be described by: a JSON
 * object that is valid against the meta-schema its `$schema` names (draft-07
 * when absent or unknown; draft-04, draft-06, 2019-09 and 2020-12 too).
 * Booleans and other non-objects are refused with a reason. Size limits are
 * the caller's to enforce before calling.
 */
export function validateJsonSchema(schema: unknown): SchemaValidation {
  const rootProblem = describeBadRoot(schema);
  if (rootProblem) return { ok: false, problems: [rootProblem] };

  const validate = metaValidator(draftOf(schema as Record<string, unknown>));
  if (validate(schema)) return { ok: true };
  return { ok: false, problems: toProblems(validate.errors ?? []) };
}

/** One sentence naming every problem, for an error a person reads. */
export function describeProblems(problems: SchemaProblem[]): string {
  const shown = problems
    .slice(0, 3)
    .map((p) => `${p.pointer || "(root)"}: ${p.message}`);
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
  return `Invalid JSON Schema — ${shown.join("; ")}${more}.`;
}

/** Which JSON Schema draft a `$schema` value names; draft-07 otherwise. */
export function draftOf(schema: Record<string, unknown>): Draft {
  const uri = typeof schema.$schema === "string" ? schema.$schema : "";
  if (uri.includes("draft-04")) return "draft-04";
  if (uri.includes("draft-06")) return "draft-06";
  if (uri.includes("2019-09")) return "2019-09";
  if (uri.includes("2020-12")) return "2020-12";
  return "draft-07";
}

function describeBadRoot(schema: unknown): SchemaProblem | null {
  if (typeof schema === "boolean") {
    return {
      pointer: "",
      message:
        `the boolean schema ${schema} describes no fields; use an object ` +
        `schema such as {"type": "object", "properties": {...}}`,
    };
  }
  if (schema !== null && typeof schema === "object" && !Array.isArray(schema))
    return null;
  const got = Array.isArray(schema) ? "an array" : JSON.stringify(schema);
  return {
    pointer: "",
    message: `a JSON Schema must be a JSON object, not ${got ?? "nothing"}`,
  };
}

// Compiling a meta-schema takes milliseconds; each is compiled once, on
// first use, and kept for the life of the process.
const validators = new Map<Draft, ValidateFunction>();

function metaValidator(draft: Draft): ValidateFunction {
  const cached = validators.get(draft);
  if (cached) return cached;

  const validate = compileMeta(draft);
  validators.set(draft, validate);
  return validate;
}

function compileMeta(draft: Draft): ValidateFunction {
  const options = { allErrors: true, strict: false, validateSchema: false };
  if (draft === "2019-09") return metaOf(new Ajv2019(options), draft);
  if (draft === "2020-12") return metaOf(new Ajv2020(options), draft);

  const ajv = new Ajv(options);
  addFormats(ajv);
  if (draft === "draft-04") return ajv.compile(DRAFT_04_META_SCHEMA);
  if (draft === "draft-06") return ajv.compile(draft06);
  return metaOf(ajv, draft);
}

function metaOf(ajv: Ajv, draft: Draft): ValidateFunction {
  if (draft !== "draft-07") addFormats(ajv);
  const id =
    draft === "2019-09"
      ? "https://json-schema.org/draft/2019-09/schema"
      : draft === "2020-12"
        ? "https://json-schema.org/draft/2020-12/schema"
        : "http://json-schema.org/draft-07/schema";
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`Ajv has no meta-schema ${id}`);
  return validate;
}

function toProblems(errors: ErrorObject[]): SchemaProblem[] {
  const byPointer = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPointer.get(error.instancePath) ?? [];
    list.push(error);
    byPointer.set(error.instancePath, list);
  }

  const problems: SchemaProblem[] = [];
  for (const [pointer, list] of byPointer) {
    problems.push({ pointer, message: messageFor(pointer, list) });
  }
  return problems.slice(0, MAX_PROBLEMS);
}

// "anyOf"/"oneOf" summaries add nothing when the branch errors are listed;
// the branch errors are what a person can fix.
function messageFor(pointer: string, errors: ErrorObject[]): string {
  const specific = errors.filter(
    (e) => e.keyword !== "anyOf" && e.keyword !== "oneOf",
  );
  const chosen = specific.length > 0 ? specific : errors;
  const texts = [...new Set(chosen.map(errorText))];
  const name = pointer
    .split("/")
    .pop()
    ?.replace(/~1/g, "/")
    .replace(/~0/g, "~");
  const subject = name ? `"${name}"` : "the schema";
  return `${subject} ${texts.join(" or ")}`;
}

function errorText(error: ErrorObject): string {
  if (error.keyword === "enum") {
    const allowed = (error.params as { allowedValues?: unknown[] })
      .allowedValues;
    if (allowed) return `must be one of ${allowed.join(", ")}`;
  }
  if (error.keyword === "type" && error.message === "must be object,boolean")
    return "must be a schema (an object, or true/false)";
  return error.message ?? `fails "${error.keyword}"`;
}
