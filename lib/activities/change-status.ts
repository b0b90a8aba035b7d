import "server-only";
import type { Db } from "@/db/client";
import {
  type ActivityPatch,
  getActivity,
  moveStatus,
  type Owned,
} from "@/db/queries/activities";
import type { ActivityRow } from "@/db/schema";
import { IllegalTransitionError } from "@/lib/activities/status";
import type { ProcessingStatus } from "@/lib/activities/types";
import { notFound } from "@/lib/errors";

/**
 * The one way an activity's status changes outside the workflow's
 * compare-and-set steps: legal moves apply, in one statement; an illegal
 * one throws IllegalTransitionError and writes nothing.
 */
export async function changeStatus(
  db: Db,
  owned: Owned,
  to: ProcessingStatus,
  patch: ActivityPatch = {},
): Promise<ActivityRow> {
  const moved = await moveStatus(db, owned, to, { patch });
  if (moved) return moved;

  const current = await getActivity(db, owned);
  if (!current) throw notFound();
  throw new IllegalTransitionError(current.processingStatus, to);
}
