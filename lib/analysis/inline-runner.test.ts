import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { listSchemaVersions } from "@/db/queries/activities";
import { getCachedRender } from "@/db/queries/render-cache";
import { activities, type ActivityRow } from "@/db/schema";
import type { Analyzer } from "@/lib/analysis/analyzer";
import { InlineRunner } from "@/lib/analysis/inline-runner";
import { requestAnalysis } from "@/lib/analysis/request";
import type { FallbackRender } from "@/lib/analysis/steps";
import {
  newActivity,
  permanent,
  rateLimited,
  reload,
  saveSchemaVersion,
  schemaWith,
  sleep,
  tableRender,
  testAnalyzer,
  testFallback,
  transient,
} from "@/test/analysis-fixtures";
import { testBackends, useTestDatabase } from "@/test/db";

describe.each(testBackends())("the in-process runner on $name", (backend) => {
  const handle = useTestDatabase(backend);
  let runner: InlineRunner | undefined;

  function start(
    analyzer: Analyzer,
    options: { fallback?: FallbackRender; debounceMs?: number } = {},
  ) {
    runner = new InlineRunner({
      db: async () => handle.db,
      deps: async () => ({ analyzer, fallback: options.fallback ?? null }),
      retries: 4,
      backoffBaseMs: 2,
      concurrency: 10,
      concurrencyPerUser: 3,
      rpm: 1_000,
      debounceMs: options.debounceMs ?? 0,
      sweepEveryMs: null,
    });
    return runner;
  }

  async function analyse(row: ActivityRow, bypassCache = false) {
    if (!runner) throw new Error("start the runner first");
    return requestAnalysis(handle.db, row, {
      reason: "test",
      bypassCache,
      dispatcher: runner,
    });
  }

  afterEach(async () => {
    await runner?.idle();
    runner?.stop();
    runner = undefined;
    // Whatever happened, no run leaves its activity PROCESSING.
    const [left] = await handle.db
      .select({ n: count() })
      .from(activities)
      .where(eq(activities.processingStatus, "PROCESSING"));
    expect(left?.n).toBe(0);
  });

  it("saves the render, its version and the cache entry", async () => {
    const analyzer = testAnalyzer();
    const row = await newActivity(handle.db, schemaWith("distance"));
    start(analyzer);

    await analyse(row);
    await runner?.idle();

    const saved = await reload(handle.db, row);
    expect(saved.processingStatus).toBe("COMPLETED");
    expect(saved.processingAttempts).toBe(1);
    expect(saved.runId).toMatch(/^inline-/);
    expect(saved.schemaRender?.rationale).toBe("A test render (distance).");
    const [version] = await listSchemaVersions(handle.db, row);
    expect(version?.render?.rationale).toBe("A test render (distance).");
    const cached = await getCachedRender(handle.db, {
      schemaHash: row.schemaHash,
      analyzer: "test@1",
    });
    expect(cached).not.toBeNull();
  });

  it("skips a schema that already has its render", async () => {
    const analyzer = testAnalyzer();
    const row = await newActivity(handle.db, schemaWith("distance"));
    start(analyzer);
    await analyse(row);
    await runner?.idle();

    await analyse(await reload(handle.db, row));
    await runner?.idle();

    const skipped = await reload(handle.db, row);
    expect(skipped.processingStatus).toBe("SKIPPED");
    expect(skipped.processingError).toBe(
      "Skipped: this schema already has its render.",
    );
    expect(analyzer.calls).toHaveLength(1);
  });

  it("analyses again with bypassCache even for an unchanged schema", async () => {
    const analyzer = testAnalyzer();
    const row = await newActivity(handle.db, schemaWith("distance"));
    start(analyzer);
    await analyse(row);
    await runner?.idle();

    await analyse(await reload(handle.db, row), true);
    await runner?.idle();

    expect((await reload(handle.db, row)).processingStatus).toBe("COMPLETED");
    expect(analyzer.calls).toHaveLength(2);
  });

  it("ends with the latest schema's render after an edit mid-run", async () => {
    const analyzer = testAnalyzer(["ok"], { delayMs: 150 });
    const row = await newActivity(handle.db, schemaWith("distance"));
    start(analyzer);
    await analyse(row);
    await waitForStatus(row, "PROCESSING");

    const edited = await saveSchemaVersion(handle.db, row, schemaWith("pace"));
    await analyse(edited);
    await runner?.idle();

    const final = await reload(handle.db, row);
    expect(final.schemaVersion).toBe(2);
    expect(final.processingStatus).toBe("COMPLETED");
    expect(final.schemaRender?.rationale).toBe("A test render (pace).");
    expect(final.renderedHash).toBe(edited.schemaHash);
    const versions = await listSchemaVersions(handle.db, row);
    expect(versions.map((v) => v.render?.rationale ?? null)).toEqual([
      "A test render (pace).",
      null,
    ]);
  });

  it("analyses a burst of edits once, for the latest version", async () => {
    const analyzer = testAnalyzer();
    let row = await newActivity(handle.db, schemaWith("a"));
    start(analyzer, { debounceMs: 100 });

    await analyse(row);
    row = await saveSchemaVersion(handle.db, row, schemaWith("b"));
    await analyse(row);
    row = await saveSchemaVersion(handle.db, row, schemaWith("c"));
    await analyse(row);
    await runner?.idle();

    expect(analyzer.calls).toEqual([schemaWith("c")]);
    const final = await reload(handle.db, row);
    expect(final.schemaRender?.rationale).toBe("A test render (c).");
  });

  it("runs a new activity's first analysis without the debounce wait", async () => {
    const analyzer = testAnalyzer();
    const row = await newActivity(handle.db, schemaWith("a"));
    start(analyzer, { debounceMs: 60_000 });

    await requestAnalysis(handle.db, row, {
      reason: "created",
      dispatcher: runner as InlineRunner,
    });
    await runner?.idle();

    expect(analyzer.calls).toEqual([schemaWith("a")]);
  });

  it("does not pace an analyser that calls no model", async () => {
    const analyzer = { ...testAnalyzer(), callsModel: false };
    runner = new InlineRunner({
      db: async () => handle.db,
      deps: async () => ({ analyzer, fallback: null }),
      backoffBaseMs: 2,
      rpm: 1,
      debounceMs: 0,
      sweepEveryMs: null,
    });
    const rows = await Promise.all(
      ["a", "b", "c"].map((key) => newActivity(handle.db, schemaWith(key))),
    );
    for (const row of rows) await analyse(row);
    await runner.idle();

    expect(analyzer.calls).toHaveLength(3);
  });

  it("retries transient errors and then succeeds", async () => {
    const analyzer = testAnalyzer([transient(), transient(), "ok"]);
    const row = await newActivity(handle.db, schemaWith("distance"));
    start(analyzer);

    await analyse(row);
    await runner?.idle();

    expect((await reload(handle.db, row)).processingStatus).toBe("COMPLETED");
    expect(analyzer.calls).toHaveLength(3);
  });

  it("waits the provider's delay after a rate limit", async () => {
    const analyzer = testAnalyzer([rateLimited(120), "ok"]);
    const row = await newActivity(handle.db, schemaWith("distance"));
    start(analyzer);
    const started = Date.now();

    await analyse(row);
    await runner?.idle();

    expect(Date.now() - started).toBeGreaterThanOrEqual(120);
    expect((await reload(handle.db, row)).processingStatus).toBe("COMPLETED");
    expect(analyzer.calls).toHaveLength(2);
  });

  it("fails after ANALYSIS_RETRIES + 1 attempts of a transient error", async () => {
    const analyzer = testAnalyzer([transient()]);
    const row = await newActivity(handle.db, schemaWith("distance"));
    start(analyzer);

    await analyse(row);
    await runner?.idle();

    const failed = await reload(handle.db, row);
    expect(failed.processingStatus).toBe("FAILED");
    expect(failed.processingError).toBe(
      "The analysis failed: The model timed out.",
    );
    expect(analyzer.calls).toHaveLength(5);
  });

  it("does not retry a permanent error", async () => {
    const analyzer = testAnalyzer([permanent()]);
    const row = await newActivity(handle.db, schemaWith("distance"));
    start(analyzer);

    await analyse(row);
    await runner?.idle();

    const failed = await reload(handle.db, row);
    expect(failed.processingStatus).toBe("FAILED");
    expect(failed.processingError).toBe(
      "The analysis failed: The API key was refused.",
    );
    expect(analyzer.calls).toHaveLength(1);
  });

  // A model may answer better on another try; the rules never would.
  it.each([
    { analyser: "a model", callsModel: true, calls: 5 },
    { analyser: "the rules", callsModel: false, calls: 1 },
  ])(
    "fails a render from $analyser that names a missing field after $calls call(s)",
    async ({ callsModel, calls }) => {
      const analyzer = testAnalyzer(["ok"], {
        render: tableRender("Ghost", "ghost"),
        callsModel,
      });
      const row = await newActivity(handle.db, schemaWith("distance"));
      start(analyzer);

      await analyse(row);
      await runner?.idle();

      const failed = await reload(handle.db, row);
      expect(failed.processingStatus).toBe("FAILED");
      expect(failed.schemaRender).toBeNull();
      expect(failed.processingError).toContain("does not fit the schema");
      expect(failed.processingError).toContain('"/ghost" is not a field');
      expect(analyzer.calls).toHaveLength(calls);
    },
  );

  it("saves the rule-based render when the AI fails and fallback is on", async () => {
    const analyzer = testAnalyzer([transient()]);
    const row = await newActivity(handle.db, schemaWith("distance"));
    start(analyzer, { fallback: testFallback });

    await analyse(row);
    await runner?.idle();

    const saved = await reload(handle.db, row);
    expect(saved.processingStatus).toBe("COMPLETED");
    expect(saved.renderMeta?.fallbackReason).toBe(
      "The AI model failed: The model timed out.",
    );
    expect(saved.processingError).toBe(
      "The AI model failed: The model timed out. " +
        "The rule-based render is shown instead.",
    );
  });

  it("settles 50 activities with 25 schemas with 25 analyser calls", async () => {
    const analyzer = testAnalyzer(["ok"], { delayMs: 10 });
    start(analyzer);
    const rows = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        newActivity(handle.db, schemaWith(`field${i % 25}`), `user-${i % 5}`),
      ),
    );

    await Promise.all(rows.map((row) => analyse(row)));
    await runner?.idle();

    const settled = await handle.db
      .select({ status: activities.processingStatus, n: count() })
      .from(activities)
      .groupBy(activities.processingStatus);
    expect(settled).toEqual([{ status: "COMPLETED", n: 50 }]);
    expect(analyzer.calls).toHaveLength(25);
  });

  it("drops the run of a deleted activity without failing it", async () => {
    const analyzer = testAnalyzer(["ok"], { delayMs: 100 });
    const row = await newActivity(handle.db, schemaWith("distance"));
    start(analyzer);
    await analyse(row);
    await waitForStatus(row, "PROCESSING");

    await runner?.cancel({ activityId: row.id, userId: row.userId });
    await handle.db.delete(activities).where(eq(activities.id, row.id));
    await runner?.idle();

    const [left] = await handle.db.select({ n: count() }).from(activities);
    expect(left?.n).toBe(0);
  });

  async function waitForStatus(row: ActivityRow, status: string) {
    for (let i = 0; i < 200; i += 1) {
      if ((await reload(handle.db, row)).processingStatus === status) return;
      await sleep(5);
    }
    throw new Error(`activity never reached ${status}`);
  }
});
