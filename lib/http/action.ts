import "server-only";
import { getDb } from "@/db/client";
import type { Db } from "@/db/client";
import type { ApiErrorBody } from "@/lib/activities/types";
import { currentUserId } from "@/lib/auth";
import { errorAnswer } from "@/lib/http/route";

/**
 * What a server action answers: its value, or the error in the API's
 * shape (code, message, details with field errors). Actions never throw
 * at the form.
 */
export type ActionResult<T> =
  { ok: true; value: T } | { ok: false; error: ApiErrorBody["error"] };

/**
 * Runs a server action's body for the person of `headers`, and turns any
 * error into state, as `route` turns it into a response.
 */
export async function runAction<T>(
  headers: Headers,
  action: string,
  body: (scope: { db: Db; userId: string }) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const [db, userId] = await Promise.all([getDb(), currentUserId(headers)]);
    return { ok: true, value: await body({ db, userId }) };
  } catch (error) {
    return { ok: false, error: errorAnswer(error, { action }).body.error };
  }
}
