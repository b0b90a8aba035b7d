import { canonicalJson } from "@/lib/activities/hash";
import { MAX_SCHEMA_BYTES } from "@/lib/activities/inputs";
import { AppError, type ValidationDetails } from "@/lib/errors";
import {
  describeProblems,
  validateJsonSchema,
} from "@/lib/render/validate-schema";

type Problem = NonNullable<ValidationDetails["problems"]>[number];

function refuse(message: string, problems: Problem[]): never {
  throw new AppError("validation_failed", message, {
    fieldErrors: { schema: [message] },
    problems,
  } satisfies ValidationDetails);
}

/**
 * Checks an activity schema before anything is written: at most 256 KiB,
 * a JSON object, valid against the meta-schema of its `$schema`.
 */
export function assertValidActivitySchema(schema: unknown): void {
  const bytes = Buffer.byteLength(canonicalJson(schema) ?? "", "utf8");
  if (bytes > MAX_SCHEMA_BYTES) {
    const kib = Math.ceil(bytes / 1024);
    refuse(
      `The schema is ${kib} KiB; the limit is ${MAX_SCHEMA_BYTES / 1024} KiB.`,
      [{ pointer: "", message: "schema too large" }],
    );
  }
  const result = validateJsonSchema(schema);
  if (!result.ok) refuse(describeProblems(result.problems), result.problems);
}

/**
 * Parses schema text typed by a person, naming the line and column of a
 * syntax error so the editor can mark it.
 */
export function parseSchemaText(text: string): unknown {
  if (Buffer.byteLength(text, "utf8") > MAX_SCHEMA_BYTES * 2) {
    refuse("The schema text is too large.", [
      { pointer: "", message: "schema too large" },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const { line, column } = positionOf(text, error);
    const reason = error instanceof Error ? error.message : "invalid JSON";
    refuse(`The schema is not valid JSON (line ${line}, column ${column}).`, [
      { pointer: "", message: reason, line },
    ]);
  }
}

function positionOf(
  text: string,
  error: unknown,
): { line: number; column: number } {
  const message = error instanceof Error ? error.message : "";
  const explicit = /line (\d+) column (\d+)/.exec(message);
  if (explicit) {
    return { line: Number(explicit[1]), column: Number(explicit[2]) };
  }
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split("\n");
  return {
    line: before.length,
    column: (before[before.length - 1]?.length ?? 0) + 1,
  };
}
