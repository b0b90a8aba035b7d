/**
 * lib/render: from a JSON Schema to the ways of showing its entries.
 * Framework-free; every function here is synchronous and never reads a
 * file or the network (references to other documents are not followed).
 */
export { analyzeWithRules, renderFor, RULES_ANALYZER_VERSION } from "./analyze";
export type { AnalyzeOptions, RenderForResult } from "./analyze";
export { checkRender, RJSF_WIDGETS } from "./check-render";
export type { RenderProblem } from "./check-render";
export { InvalidSchemaError } from "./errors";
export { isDateKind, isScalarKind } from "./field";
export type {
  EnumOption,
  Field,
  FieldKind,
  JsonType,
  VariantOf,
} from "./field";
export { formSchema } from "./form-schema";
export {
  entriesOf,
  fieldLabel,
  fieldValue,
  formatFieldValue,
} from "./field-values";
export {
  escapeToken,
  getAll,
  getAt,
  isInsideArray,
  joinPointer,
  parentPointer,
  parsePointer,
  unescapeToken,
} from "./pointer";
export { READ_LIMITS, readSchema } from "./read-schema";
export type { RootKind, SchemaReading } from "./read-schema";
export {
  describeProblems,
  draftOf,
  validateJsonSchema,
} from "./validate-schema";
export type { Draft, SchemaProblem, SchemaValidation } from "./validate-schema";
export * from "./types";
