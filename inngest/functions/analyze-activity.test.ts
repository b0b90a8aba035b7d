import { InngestTestEngine } from "@inngest/test";
import { NonRetriableError, RetryAfterError } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import { listSchemaVersions } from "@/db/queries/activities";
import { getCachedRender } from "@/db/queries/render-cache";
import type { ActivityRow } from "@/db/schema";
import { inngest } from "@/inngest/client";
import {
  createAnalyzeActivity,
  toInngestError,
} from "@/inngest/functions/analyze-activity";
import type { Analyzer } from "@/lib/analysis/analyzer";
import type { FallbackRender } from "@/lib/analysis/steps";
import { resetEnvForTests } from "@/lib/env";
import {
  changeSchema,
  payloadOf,
  pendingActivity,
  permanent,
  rateLimited,
  reload,
  schemaWith,
  testAnalyzer,
  testFallback,
  transient,
} from "@/test/analysis-fixtures";
import { testBackends, useTestDatabase } from "@/test/db";

describe.each(testBackends())("analyze-activity on $name", (backend) => {
  const handle = useTestDatabase(backend);

  function build(analyzer: Analyzer, fallback: FallbackRender | null = null) {
    return createAnalyzeActivity({
      getDb: async () => handle.db,
      workflow: async () => ({ analyzer, fallback }),
    });
  }

  // A fresh engine per run: an engine remembers the steps of its last run.
  function run(analyzer: Analyzer, row: ActivityRow, bypassCache = false) {
    const engine = new InngestTestEngine({ function: build(analyzer) });
    return engine.execute({
      events: [
        {
          name: "activity/schema.submitted",
          data: payloadOf(row, bypassCache),
        },
      ],
    });
  }

  function analyzeStepOf(analyzer: Analyzer, row: ActivityRow) {
    const engine = new InngestTestEngine({ function: build(analyzer) });
    return engine.executeStep("analyze-schema", {
      events: [{ name: "activity/schema.submitted", data: payloadOf(row) }],
    });
  }

  /** Runs the function's onFailure handler as Inngest would. */
  function runFailure(
    row: ActivityRow,
    runId: string,
    message: string,
    fallback: FallbackRender | null,
  ) {
    const fn = build(testAnalyzer(), fallback);
    const failure = inngest.createFunction(
      {
        id: "analyze-activity-failure",
        triggers: [{ event: "inngest/function.failed" }],
      },
      fn.opts.onFailure as never,
    );
    const engine = new InngestTestEngine({ function: failure });
    return engine.execute({
      events: [
        {
          name: "inngest/function.failed",
          data: {
            function_id: "schema-render-analyze-activity",
            run_id: runId,
            error: { name: "AnalysisError", message },
            event: {
              name: "activity/schema.submitted",
              data: payloadOf(row),
            },
          },
        },
      ],
    });
  }

  it("saves the render, its version and the cache entry", async () => {
    const row = await pendingActivity(handle.db, schemaWith("distance"));
    const analyzer = testAnalyzer();

    const { result, error } = await run(analyzer, row);

    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "saved" });
    const saved = await reload(handle.db, row);
    expect(saved.processingStatus).toBe("COMPLETED");
    expect(saved.processingAttempts).toBe(1);
    expect(saved.renderedHash).toBe(row.schemaHash);
    expect(saved.renderSource).toBe("test@1");
    expect(saved.schemaRender?.rationale).toBe("A test render (distance).");
    expect(saved.processedAt).not.toBeNull();
    const [version] = await listSchemaVersions(handle.db, row);
    expect(version?.render?.rationale).toBe("A test render (distance).");
    const cached = await getCachedRender(handle.db, {
      schemaHash: row.schemaHash,
      analyzer: "test@1",
    });
    expect(cached?.render.rationale).toBe("A test render (distance).");
    expect(analyzer.calls).toHaveLength(1);
  });

  it("skips a schema that already has its render", async () => {
    const row = await pendingActivity(handle.db, schemaWith("distance"));
    await run(testAnalyzer(), row);
    const again = await changeSchemaInPlace(row);
    const analyzer = testAnalyzer();

    const { result } = await run(analyzer, again);

    expect(result).toEqual({
      outcome: "skipped",
      reason: "Skipped: this schema already has its render.",
    });
    expect((await reload(handle.db, row)).processingStatus).toBe("SKIPPED");
    expect(analyzer.calls).toHaveLength(0);
  });

  it("discards a result whose schema changed during the analysis", async () => {
    const row = await pendingActivity(handle.db, schemaWith("distance"));
    const newer = schemaWith("pace");
    const analyzer: Analyzer = {
      identity: "test@1",
      async analyze(schema, context) {
        await changeSchema(handle.db, row, newer);
        return testAnalyzer().analyze(schema, context);
      },
    };

    const { result } = await run(analyzer, row);

    expect(result).toEqual({
      outcome: "discarded",
      reason: "the activity changed while it was being analysed",
    });
    const current = await reload(handle.db, row);
    expect(current.schemaVersion).toBe(2);
    expect(current.activitySchema).toEqual(newer);
    expect(current.processingStatus).toBe("PENDING");
    expect(current.schemaRender).toBeNull();
    const versions = await listSchemaVersions(handle.db, row);
    expect(versions.map((v) => v.render)).toEqual([null, null]);
  });

  it("does not retry a permanent error", async () => {
    const row = await pendingActivity(handle.db, schemaWith("distance"));
    const analyzer = testAnalyzer([permanent()]);

    const { step, error } = await analyzeStepOf(analyzer, row);

    // StepFailed is Inngest's final failure; StepError would be retried.
    expect(step.op).toBe("StepFailed");
    expect(error).toMatchObject({
      name: "NonRetriableError",
      message: "The API key was refused.",
    });
    expect(analyzer.calls).toHaveLength(1);

    // Inngest then calls onFailure at once, which settles the activity.
    const { runId } = await reload(handle.db, row);
    await runFailure(row, runId ?? "", "The API key was refused.", null);
    const failed = await reload(handle.db, row);
    expect(failed.processingStatus).toBe("FAILED");
    expect(failed.processingError).toBe(
      "The analysis failed: The API key was refused.",
    );
  });

  it("retries a rate-limited call after the provider's delay", async () => {
    const row = await pendingActivity(handle.db, schemaWith("distance"));

    const { step, error } = await analyzeStepOf(
      testAnalyzer([rateLimited(30_000)]),
      row,
    );

    expect(step.op).toBe("StepError");
    expect(error).toMatchObject({ name: "RetryAfterError" });
    const mapped = toInngestError(rateLimited(30_000));
    expect(mapped).toBeInstanceOf(RetryAfterError);
    expect((mapped as RetryAfterError).retryAfter).toBe("30");
    expect(toInngestError(permanent())).toBeInstanceOf(NonRetriableError);
    expect((await reload(handle.db, row)).processingStatus).toBe("PROCESSING");
  });

  it("marks the activity FAILED with the reason once retries are spent", async () => {
    const row = await pendingActivity(handle.db, schemaWith("distance"));
    await run(testAnalyzer([transient()]), row);
    const { runId } = await reload(handle.db, row);

    const { result } = await runFailure(
      row,
      runId ?? "",
      "The model timed out.",
      null,
    );

    expect(result).toEqual({
      outcome: "failed",
      message: "The analysis failed: The model timed out.",
    });
    const failed = await reload(handle.db, row);
    expect(failed.processingStatus).toBe("FAILED");
    expect(failed.processingError).toBe(
      "The analysis failed: The model timed out.",
    );
  });

  it("saves the rule-based render when the AI failed and fallback is on", async () => {
    const row = await pendingActivity(handle.db, schemaWith("distance"));
    await run(testAnalyzer([transient()]), row);
    const { runId } = await reload(handle.db, row);

    await runFailure(row, runId ?? "", "The model timed out.", testFallback);

    const saved = await reload(handle.db, row);
    expect(saved.processingStatus).toBe("COMPLETED");
    expect(saved.renderMeta?.fallbackReason).toBe(
      "The AI model failed: The model timed out.",
    );
    expect(saved.processingError).toBe(
      "The AI model failed: The model timed out. " +
        "The rule-based render is shown instead.",
    );
    expect(saved.schemaRender?.renderType).toBe("table");
  });

  it("leaves an activity alone when a newer run holds it", async () => {
    const row = await pendingActivity(handle.db, schemaWith("distance"));
    await run(testAnalyzer([transient()]), row);

    const { result } = await runFailure(row, "another-run", "late", null);

    expect(result).toEqual({ outcome: "untouched" });
    expect((await reload(handle.db, row)).processingStatus).toBe("PROCESSING");
  });

  /** A settled activity asked again for the same schema: PENDING anew. */
  async function changeSchemaInPlace(row: ActivityRow) {
    const { moveStatus } = await import("@/db/queries/activities");
    const moved = await moveStatus(handle.db, row, "PENDING");
    if (!moved) throw new Error("could not re-request");
    return moved;
  }
});

describe("analyze-activity's flow control, from the environment", () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });

  function optionsWith(vars: Record<string, string>) {
    process.env = { ...saved, ...vars };
    if (!("OPENAI_API_KEY" in vars)) delete process.env.OPENAI_API_KEY;
    resetEnvForTests();
    return createAnalyzeActivity().opts;
  }

  it("limits runs globally and per owner, keys idempotency and cancels on delete", () => {
    const opts = optionsWith({
      ANALYSIS_CONCURRENCY: "7",
      ANALYSIS_CONCURRENCY_PER_USER: "2",
      ANALYSIS_RETRIES: "3",
      ANALYSIS_DEBOUNCE_SECONDS: "5",
    });

    expect(opts.retries).toBe(3);
    expect(opts.concurrency).toEqual([
      { limit: 7 },
      { limit: 2, key: "event.data.userId" },
    ]);
    expect(opts.debounce).toEqual({
      key: "event.data.activityId",
      period: "5s",
      timeout: "1m",
    });
    expect(opts.idempotency).toBe("event.data.requestKey");
    expect(opts.cancelOn).toEqual([
      {
        event: expect.objectContaining({ name: "activity/deleted" }),
        match: "data.activityId",
      },
    ]);
    // The rule-based analyser calls no model: nothing to throttle.
    expect(opts.throttle).toBeUndefined();
  });

  it("throttles runs to ANALYSIS_RPM when a model is configured", () => {
    const opts = optionsWith({
      OPENAI_API_KEY: "sk-test",
      ANALYSIS_RPM: "30",
      ANALYSIS_DEBOUNCE_SECONDS: "0",
    });

    expect(opts.throttle).toEqual({ limit: 30, period: "1m" });
    expect(opts.debounce).toBeUndefined();
  });
});
