import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { updateActivityRow } from "@/db/queries/activities";
import type { AnalysisRequest, Dispatcher } from "@/lib/analysis/dispatcher";
import { sweepStale } from "@/lib/analysis/sweep";
import {
  newActivity,
  pendingActivity,
  reload,
  schemaWith,
} from "@/test/analysis-fixtures";
import { testBackends, useTestDatabase } from "@/test/db";

/** Records what it is asked to run. */
function recordingDispatcher(): Dispatcher & { requests: AnalysisRequest[] } {
  const requests: AnalysisRequest[] = [];
  return {
    mode: "inline",
    requests,
    async dispatch(request) {
      requests.push(request);
      return { requestId: `r${requests.length}` };
    },
    async cancel() {},
  };
}

describe.each(testBackends())("the sweep on $name", (backend) => {
  const handle = useTestDatabase(backend);
  const now = new Date("2026-03-01T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  async function quietSince(id: { id: string; userId: string }, at: Date) {
    // updated_at is what "quiet" is measured by; set it as a crash left it.
    await handle.db.execute(
      sql`update activities set updated_at = ${at.toISOString()} where id = ${id.id}`,
    );
  }

  it("requests a stale PENDING activity again and leaves a fresh one", async () => {
    const stale = await pendingActivity(handle.db, schemaWith("a"));
    const fresh = await pendingActivity(handle.db, schemaWith("b"));
    await quietSince(stale, minutesAgo(11));
    await quietSince(fresh, minutesAgo(2));
    const dispatcher = recordingDispatcher();

    const result = await sweepStale(handle.db, {
      dispatcher,
      staleMinutes: 10,
      now,
    });

    expect(result.requested).toEqual([stale.id]);
    expect(dispatcher.requests).toMatchObject([
      { activityId: stale.id, reason: "sweep", bypassCache: false },
    ]);
    const after = await reload(handle.db, stale);
    expect(after.processingStatus).toBe("PENDING");
    expect(after.requestedAt?.getTime()).toBeGreaterThan(
      stale.requestedAt?.getTime() ?? 0,
    );
  });

  it("requests a stale PROCESSING activity and a parked one again", async () => {
    const processing = await pendingActivity(handle.db, schemaWith("a"));
    await updateActivityRow(handle.db, processing, {
      processingStatus: "PROCESSING",
    });
    const parked = await newActivity(handle.db, schemaWith("b"), "user-p");
    await updateActivityRow(handle.db, parked, {
      processingError: "The analysis could not be queued: offline.",
    });
    const never = await newActivity(handle.db, schemaWith("c"), "user-n");
    for (const row of [processing, parked, never]) {
      await quietSince(row, minutesAgo(30));
    }
    const dispatcher = recordingDispatcher();

    const result = await sweepStale(handle.db, {
      dispatcher,
      staleMinutes: 10,
      now,
    });

    expect(result.requested.sort()).toEqual([processing.id, parked.id].sort());
    expect((await reload(handle.db, never)).processingStatus).toBe(
      "NOT_PROCESSED",
    );
  });
});
