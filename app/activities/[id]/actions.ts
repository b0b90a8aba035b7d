"use server";

import { headers } from "next/headers";
import {
  addEntryForm,
  updateActivityForm,
} from "@/lib/activities/form-actions";

/** Saves the Edit activity form: name, description and schema. */
export async function updateActivityAction(id: string, input: unknown) {
  return updateActivityForm(await headers(), id, input);
}

/** Saves an entry from the generated form, checked against the schema. */
export async function addEntryAction(id: string, input: unknown) {
  return addEntryForm(await headers(), id, input);
}
