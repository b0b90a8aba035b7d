import type { RJSFValidationError } from "@rjsf/utils";

/**
 * Ajv's messages in words a person filling in a form reads without
 * knowing JSON Schema: "must be >= 60" becomes "must be at least 60",
 * "must have required property 'When'" becomes "When is required".
 * Messages it has no words for are kept as Ajv wrote them.
 */
export function plainErrors(
  errors: RJSFValidationError[],
): RJSFValidationError[] {
  return errors.map((error) => {
    const message = plainMessage(error);
    if (message === null) return error;
    const missing = /'([^']+)'/.exec(error.message ?? "")?.[1];
    const who = error.name === "required" ? missing : error.title;
    return { ...error, message, stack: who ? `${who} ${message}` : message };
  });
}

function plainMessage({ name, params }: RJSFValidationError): string | null {
  const limit = (params as { limit?: unknown } | undefined)?.limit;
  switch (name) {
    case "required":
      return "is required";
    case "type":
      return `must be ${typeWords(String(params?.type ?? ""))}`;
    case "minimum":
      return `must be at least ${String(limit)}`;
    case "maximum":
      return `must be at most ${String(limit)}`;
    case "exclusiveMinimum":
      return `must be more than ${String(limit)}`;
    case "exclusiveMaximum":
      return `must be less than ${String(limit)}`;
    case "minLength":
      return `must be at least ${count(limit, "character")}`;
    case "maxLength":
      return `must be at most ${count(limit, "character")}`;
    case "minItems":
      return `needs at least ${count(limit, "item")}`;
    case "maxItems":
      return `takes at most ${count(limit, "item")}`;
    case "enum":
      return "must be one of the listed choices";
    case "format":
      return `must be ${FORMAT_WORDS[String(params?.format)] ?? "in the expected format"}`;
    case "pattern":
      return "is not in the expected form";
    default:
      return null;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a group of values",
  null: "empty",
};

function typeWords(types: string): string {
  return types
    .split(",")
    .map((type) => TYPE_WORDS[type] ?? type)
    .join(" or ");
}

const FORMAT_WORDS: Record<string, string> = {
  date: "a date",
  "date-time": "a date and time",
  time: "a time",
  email: "an email address",
  uri: "a web address",
  url: "a web address",
  duration: "a duration",
};

function count(limit: unknown, unit: string): string {
  return `${String(limit)} ${unit}${limit === 1 ? "" : "s"}`;
}
