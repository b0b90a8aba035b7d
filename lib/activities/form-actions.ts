import "server-only";
import type { NewActivityState } from "@/lib/activities/new-activity-state";
import { getDb } from "@/db/client";
import { toActivityDto, toEntryDto } from "@/lib/activities/dto";
import { lineOfPointer } from "@/lib/activities/locate";
import { parseSchemaText } from "@/lib/activities/schema-input";
import {
  addEntry,
  createActivity,
  updateActivity,
} from "@/lib/activities/service";
import { currentUserId } from "@/lib/auth";
import { AppError, type ValidationDetails } from "@/lib/errors";
import { runAction } from "@/lib/http/action";
import { activityIdOf } from "@/lib/http/route";
import { logger } from "@/lib/log";

/**
 * The bodies of the activity page's server actions, given the request's
 * headers so tests can act as a signed-in person. They call the same
 * service functions as the route handlers.
 */
export function updateActivityForm(
  headers: Headers,
  id: string,
  input: unknown,
) {
  return runAction(headers, "update-activity", async ({ db, userId }) => {
    const owned = { id: activityIdOf({ id }), userId };
    return toActivityDto(await updateActivity(db, owned, input));
  });
}

export function addEntryForm(headers: Headers, id: string, input: unknown) {
  return runAction(headers, "add-entry", async ({ db, userId }) => {
    const owned = { id: activityIdOf({ id }), userId };
    return toEntryDto(await addEntry(db, owned, input));
  });
}

/**
 * The New activity form's body: the new activity's id, or the state the
 * form shows again (its values, and problems at their schema line).
 */
export async function createActivityForm(
  headers: Headers,
  form: FormData,
): Promise<{ id: string } | { state: NewActivityState }> {
  const values = {
    name: text(form.get("name")),
    description: text(form.get("description")),
    schema: text(form.get("schema")),
  };
  try {
    const schema = parseSchemaText(values.schema);
    const [db, userId] = await Promise.all([getDb(), currentUserId(headers)]);
    const created = await createActivity(db, userId, {
      name: values.name,
      description: values.description || null,
      schema,
    });
    return { id: created.id };
  } catch (error) {
    return { state: failure(error, values) };
  }
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

/**
 * A form field's text with the line breaks the page had: a form sends
 * every line break as CRLF, and the form compares what it sent with what
 * it holds.
 */
function text(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n") : "";
}
