"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { NewActivityState } from "@/lib/activities/new-activity-state";
import { createActivityForm } from "@/lib/activities/form-actions";

/**
 * Creates an activity from the New activity form and opens it. Problems
 * come back as state (a message, errors per field, schema problems with
 * their line) so the form can show them beside the inputs.
 */
export async function createActivityAction(
  _previous: NewActivityState,
  form: FormData,
): Promise<NewActivityState> {
  const answer = await createActivityForm(await headers(), form);
  if ("state" in answer) return answer.state;
  redirect(`/activities/${answer.id}`);
}
