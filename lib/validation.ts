import type { z } from "zod";
import { AppError, type ValidationDetails } from "@/lib/errors";

/** zod issues as field errors keyed by dotted path ("" for the whole). */
export function fieldErrorsOf(error: z.ZodError): ValidationDetails {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { fieldErrors };
}

/** Parses input at a boundary, or throws a 422 naming each problem. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = fieldErrorsOf(result.error);
  const first = result.error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  throw new AppError(
    "validation_failed",
    `${where}${first?.message ?? "The input is not valid."}`,
    details,
  );
}
