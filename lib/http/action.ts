import "server-only";
import { getDb } from "@/db/client";
import type { Db } from "@/db/client";
import type { ActionResult } from "@/lib/activities/types";
import { currentUserId } from "@/lib/auth";
import { errorAnswer } from "@/lib/http/route";

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
