"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { lineOfPointer } from "@/lib/activities/locate";
import { parseSchemaText } from "@/lib/activities/schema-input";
import { createActivity } from "@/lib/activities/service";
import { currentUserId } from "@/lib/auth";
import { AppError, type ValidationDetails } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { NewActivityState } from "./state";

/**
 * Creates an activity from the New activity form. Problems come back as
 * state (a message, errors per field, schema problems with their line) so
 * the form can show them beside the inputs; it never throws at the form.
 */
export async function createActivityAction(
  _previous: NewActivityState,
  form: FormData,
): Promise<NewActivityState> {
  const values = {
    name: text(form.get("name")),
    description: text(form.get("description")),
    schema: text(form.get("schema")),
  };

  let id: string;
  try {
    const schema = parseSchemaText(values.schema);
    const [db, userId] = await Promise.all([getDb(), currentUserId()]);
    const created = await createActivity(db, userId, {
      name: values.name,
      description: values.description || null,
      schema,
    });
    id = created.id;
  } catch (error) {
    return failure(error, values);
  }
  redirect(`/activities/${id}`);
}

function failure(
  error: unknown,
  values: NewActivityState["values"],
): NewActivityState {
  if (!(error instanceof AppError)) {
    logger().error({ err: error }, "creating an activity failed");
    return {
      status: "error",
      message: "The activity could not be saved. Please try again.",
      fieldErrors: {},
      problems: [],
      values,
    };
  }
  const details = error.details as Partial<ValidationDetails> | undefined;
  const problems = (details?.problems ?? []).map((problem) => ({
    ...problem,
    line: problem.line ?? lineOfPointer(values.schema, problem.pointer),
  }));
  return {
    status: "error",
    message: error.message,
    fieldErrors: details?.fieldErrors ?? {},
    problems,
    values,
  };
}

function text(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value : "";
}
