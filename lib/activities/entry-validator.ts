import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import Ajv2019 from "ajv/dist/2019";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { draftOf } from "@/lib/render/validate-schema";
import { withOpaqueExternalRefs } from "@/lib/schema/external-refs";

export interface EntryProblem {
  pointer: string;
  message: string;
}

export type EntryCheck = { ok: true } | { ok: false; problems: EntryProblem[] };

// Compiling a schema costs far more than validating with it; keep the
// validators of recently used schemas, keyed by schema hash.
const MAX_CACHED = 200;
const compiled = new Map<string, ValidateFunction>();

function newAjv(schema: Record<string, unknown>): Ajv {
  const options = {
    allErrors: true,
    strict: false,
    validateFormats: true,
    // The schema was checked against its meta-schema when it was saved.
    validateSchema: false,
  };
  const draft = draftOf(schema);
  const ajv =
    draft === "2019-09"
      ? new Ajv2019(options)
      : draft === "2020-12"
        ? new Ajv2020(options)
        : new Ajv(options);
  addFormats(ajv);
  return ajv;
}

function validatorFor(schema: unknown, hash: string): ValidateFunction {
  const cached = compiled.get(hash);
  if (cached) return cached;

  const local = withOpaqueExternalRefs(schema).schema as Record<
    string,
    unknown
  >;
  // A draft-04 `$schema` names a meta-schema Ajv 8 does not carry; the
  // keywords an entry is checked by read the same without it.
  const { $schema: _ignored, ...body } = local;
  const validate = newAjv(local).compile(body);
  if (compiled.size >= MAX_CACHED) {
    const oldest = compiled.keys().next().value;
    if (oldest !== undefined) compiled.delete(oldest);
  }
  compiled.set(hash, validate);
  return validate;
}

/** Checks one entry's data against its activity's schema. */
export function checkEntry(
  schema: unknown,
  schemaHash: string,
  data: unknown,
): EntryCheck {
  const validate = validatorFor(schema, schemaHash);
  if (validate(data)) return { ok: true };
  return { ok: false, problems: (validate.errors ?? []).map(toProblem) };
}

function toProblem(error: ErrorObject): EntryProblem {
  const missing = (error.params as { missingProperty?: string })
    .missingProperty;
  const pointer = missing
    ? `${error.instancePath}/${missing}`
    : error.instancePath;
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const message =
    error.keyword === "enum" && allowed
      ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`
      : (error.message ?? `fails "${error.keyword}"`);
  return { pointer, message };
}
