import { describe, expect, it } from "vitest";
import { updateActivityRow } from "@/db/queries/activities";
import { batchProgress, reanalyzeAll } from "@/lib/analysis/batch";
import { healthReport } from "@/lib/analysis/health";
import { InlineRunner } from "@/lib/analysis/inline-runner";
import { parseEnv } from "@/lib/env";
import type { Dispatcher } from "@/lib/analysis/dispatcher";
import {
  newActivity,
  reload,
  schemaWith,
  testAnalyzer,
} from "@/test/analysis-fixtures";
import { testBackends, useTestDatabase } from "@/test/db";

describe.each(testBackends())("batch and health on $name", (backend) => {
  const handle = useTestDatabase(backend);

  it("re-analyses all of one owner's activities and reports progress", async () => {
    const analyzer = testAnalyzer(["ok"], { delayMs: 5 });
    const runner = new InlineRunner({
      db: async () => handle.db,
      deps: async () => ({ analyzer, fallback: null }),
      backoffBaseMs: 2,
      debounceMs: 0,
      sweepEveryMs: null,
    });
    for (const field of ["a", "b", "c"]) {
      await newActivity(handle.db, schemaWith(field), "owner");
    }
    await newActivity(handle.db, schemaWith("other"), "someone-else");

    const batch = await reanalyzeAll(handle.db, "owner", {
      bypassCache: true,
      dispatcher: runner,
    });
    const since = new Date(batch.since);
    const early = await batchProgress(handle.db, "owner", since);
    await runner.idle();
    runner.stop();

    expect(batch).toMatchObject({ total: 3, requested: 3, notQueued: 0 });
    expect(early.total).toBe(3);
    expect(await batchProgress(handle.db, "owner", since)).toEqual({
      total: 3,
      settled: 3,
      failed: 0,
      done: true,
    });
    expect(analyzer.calls).toHaveLength(3);
  });

  it("records every request before handing any over, so a stop part-way strands none", async () => {
    const rows = [];
    for (const field of ["a", "b", "c", "d"]) {
      rows.push(await newActivity(handle.db, schemaWith(field), "owner"));
    }
    for (const row of rows) {
      await updateActivityRow(handle.db, row, {
        processingStatus: "COMPLETED",
      });
    }
    // The runner takes one request and then never answers: as if the
    // process stopped during the hand-over.
    const handedOver: string[] = [];
    const stuck: Dispatcher = {
      mode: "inline",
      dispatch: (request) => {
        handedOver.push(request.activityId);
        if (handedOver.length === 1) {
          return Promise.resolve({ requestId: "only-one" });
        }
        return new Promise(() => undefined);
      },
      cancel: async () => undefined,
    };

    void reanalyzeAll(handle.db, "owner", {
      bypassCache: false,
      dispatcher: stuck,
      parallel: 1,
    });
    await expect.poll(() => handedOver.length).toBe(2);

    const statuses = await Promise.all(
      rows.map(async (row) => (await reload(handle.db, row)).processingStatus),
    );
    expect(statuses).toEqual(["PENDING", "PENDING", "PENDING", "PENDING"]);
  });

  it("reports the queue and says the in-process runner is not durable", async () => {
    await newActivity(handle.db, schemaWith("a"));
    const done = await newActivity(handle.db, schemaWith("b"));
    const now = new Date();
    await updateActivityRow(handle.db, done, {
      processingStatus: "COMPLETED",
      requestedAt: new Date(now.getTime() - 10_000),
      processedAt: now,
    });

    const report = await healthReport(handle.db, {
      config: parseEnv({ NODE_ENV: "test", ANALYSIS_RUNNER: "inline" }),
    });

    expect(report.ok).toBe(true);
    expect(report.database.reachable).toBe(true);
    expect(report.runner).toMatchObject({ mode: "inline", durable: false });
    expect(report.queue?.counts.NOT_PROCESSED).toBe(1);
    expect(report.queue?.counts.COMPLETED).toBe(1);
    expect(report.queue?.oldestUnsettledSeconds).toBeGreaterThanOrEqual(0);
    expect(report.queue?.completedLastHour).toBe(1);
    expect(report.queue?.medianSecondsLastHour).toBe(10);
  });
});
