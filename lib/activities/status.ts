import type { ProcessingStatus } from "@/lib/activities/types";

/**
 * The legal moves of an activity's analysis, as in the README's state
 * machine. A request always passes through PENDING; a runner that cannot
 * be reached puts the activity back to NOT_PROCESSED with the reason.
 */
export const TRANSITIONS: Record<ProcessingStatus, ProcessingStatus[]> = {
  NOT_PROCESSED: ["PENDING"],
  // A re-request while queued (a newer schema, the sweep) stays PENDING.
  PENDING: ["PENDING", "PROCESSING", "SKIPPED", "FAILED", "NOT_PROCESSED"],
  // Back to PENDING when the schema changes mid-run or the sweep re-queues.
  PROCESSING: ["COMPLETED", "FAILED", "SKIPPED", "PENDING"],
  COMPLETED: ["PENDING", "NOT_PROCESSED"],
  FAILED: ["PENDING", "NOT_PROCESSED"],
  SKIPPED: ["PENDING", "NOT_PROCESSED"],
};

export class IllegalTransitionError extends Error {
  readonly from: ProcessingStatus;
  readonly to: ProcessingStatus;

  constructor(from: ProcessingStatus, to: ProcessingStatus) {
    super(`An activity cannot move from ${from} to ${to}.`);
    this.name = "IllegalTransitionError";
    this.from = from;
    this.to = to;
  }
}

export function canTransition(
  from: ProcessingStatus,
  to: ProcessingStatus,
): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses an activity may be in to move to `to`. */
export function sourcesOf(to: ProcessingStatus): ProcessingStatus[] {
  return (Object.keys(TRANSITIONS) as ProcessingStatus[]).filter((from) =>
    canTransition(from, to),
  );
}

export function assertTransition(
  from: ProcessingStatus,
  to: ProcessingStatus,
): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}
