import "server-only";
import { lineOfPointer } from "@/lib/activities/locate";
import {
  assertValidActivitySchema,
  parseSchemaText,
} from "@/lib/activities/schema-input";
import { AppError, type ValidationDetails } from "@/lib/errors";
import { analyzeWithRules, formSchema, renderFor } from "@/lib/render";
import { RENDER_TYPES, type RenderType } from "@/lib/render/types";
import { z } from "zod";
import { parseInput } from "@/lib/validation";

const PreviewInput = z.union([
  z.object({ schemaText: z.string().max(1024 * 1024) }),
  z.object({ schema: z.unknown() }),
]);

/**
 * The instant rule-based preview shown while a schema is typed: nothing is
 * saved. Problems carry the line they are on when the text was sent.
 */
export async function previewSchema(input: unknown) {
  const parsed = parseInput(PreviewInput, input);
  const text = "schemaText" in parsed ? parsed.schemaText : null;
  const schema =
    text === null
      ? (parsed as { schema: unknown }).schema
      : parseSchemaText(text);

  try {
    assertValidActivitySchema(schema);
  } catch (error) {
    if (text !== null && error instanceof AppError) withLines(error, text);
    throw error;
  }

  const render = await analyzeWithRules(schema);
  const renders = Object.fromEntries(
    await Promise.all(
      RENDER_TYPES.map(async (type) => [type, await renderFor(schema, type)]),
    ),
  ) as Record<RenderType, Awaited<ReturnType<typeof renderFor>>>;
  return { render, renders, formSchema: formSchema(schema) };
}

function withLines(error: AppError, text: string): void {
  const details = error.details as ValidationDetails | undefined;
  for (const problem of details?.problems ?? []) {
    problem.line ??= lineOfPointer(text, problem.pointer);
  }
}
