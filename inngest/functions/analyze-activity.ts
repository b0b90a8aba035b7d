import { type Inngest, NonRetriableError, RetryAfterError } from "inngest";
import { type Db, getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import {
  activityDeleted,
  schemaSubmitted,
  type SchemaSubmittedData,
} from "@/inngest/events";
import { AnalysisError } from "@/lib/analysis/analyzer";
import { errorMessage } from "@/lib/analysis/retry";
import {
  type AnalyzedRender,
  analyzeSchema,
  cacheRender,
  claimActivity,
  failAnalysis,
  recordVersionRender,
  saveRender,
  type WorkflowDeps,
} from "@/lib/analysis/steps";
import { defaultWorkflowDeps } from "@/lib/analysis/workflow-deps";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

export interface AnalyzeActivityDeps {
  getDb: () => Promise<Db>;
  workflow: () => Promise<WorkflowDeps>;
}

const defaults: AnalyzeActivityDeps = {
  getDb,
  workflow: () => defaultWorkflowDeps(),
};

/** Inngest's retry rules for an analyser error. */
export function toInngestError(error: unknown): unknown {
  if (!(error instanceof AnalysisError)) return error;
  if (error.kind === "permanent") {
    return new NonRetriableError(error.message, { cause: error });
  }
  if (error.retryAfterMs !== null) {
    return new RetryAfterError(error.message, error.retryAfterMs, {
      cause: error,
    });
  }
  return error;
}

function flowControl() {
  const config = env();
  const debounce = config.ANALYSIS_DEBOUNCE_SECONDS;
  return {
    // The SDK types retries as the literals 0..20; env.ts enforces that.
    retries: config.ANALYSIS_RETRIES as 4,
    concurrency: [
      { limit: config.ANALYSIS_CONCURRENCY },
      {
        limit: config.ANALYSIS_CONCURRENCY_PER_USER,
        key: "event.data.userId",
      },
    ] as [{ limit: number }, { limit: number; key: string }],
    // Inngest throttles run starts, not single steps: this caps new runs,
    // hence first model calls, per minute. Retries of a started run are
    // not counted, and cache hits are paced too (latency, not money).
    // Without a model there is nothing to pace.
    ...(config.OPENAI_API_KEY
      ? { throttle: { limit: config.ANALYSIS_RPM, period: "1m" as const } }
      : {}),
    // A burst of edits runs once, with the latest event; the timeout keeps
    // an activity edited without pause from waiting for ever.
    ...(debounce > 0
      ? {
          debounce: {
            key: "event.data.activityId",
            period: `${Math.ceil(debounce)}s` as const,
            timeout: "1m" as const,
          },
        }
      : {}),
    idempotency: "event.data.requestKey",
    cancelOn: [{ event: activityDeleted, match: "data.activityId" }],
  };
}

/** The analysis workflow as an Inngest function; tests pass their deps. */
export function createAnalyzeActivity(
  deps: AnalyzeActivityDeps = defaults,
  client: Inngest = inngest,
) {
  return client.createFunction(
    {
      id: "analyze-activity",
      name: "Analyse an activity's schema",
      triggers: [schemaSubmitted],
      ...flowControl(),
      onFailure: async ({ event, error, step }) => {
        const payload = event.data.event.data as SchemaSubmittedData;
        const runId = event.data.run_id;
        const log = logger().child({ activityId: payload.activityId, runId });
        const db = await deps.getDb();
        const { fallback } = await deps.workflow();
        return step.run("mark-failed", () =>
          failAnalysis(db, payload, {
            runId,
            log,
            // The failure event carries the final error, serialised.
            reason: event.data.error?.message ?? errorMessage(error),
            fallback,
          }),
        );
      },
    },
    async ({ event, step, runId, attempt }) => {
      const payload = event.data;
      const log = logger().child({
        activityId: payload.activityId,
        runId,
        attempt,
      });
      const db = await deps.getDb();
      const run = { runId, log };

      const claim = await step.run("claim-activity", () =>
        claimActivity(db, payload, run),
      );
      if (claim.outcome !== "claimed") return claim;

      const { analyzer } = await deps.workflow();
      const analyzed = (await step.run("analyze-schema", async () => {
        try {
          return await analyzeSchema(db, payload, claim, { ...run, analyzer });
        } catch (error) {
          log.warn({ err: error }, "analysis attempt failed");
          throw toInngestError(error);
        }
      })) as AnalyzedRender;

      const saved = await step.run("save-render", () =>
        saveRender(db, payload, analyzed, run),
      );
      if (saved.outcome === "saved") {
        await step.run("record-version-render", () =>
          recordVersionRender(db, payload, analyzed),
        );
      }
      await step.run("cache-render", () => cacheRender(db, payload, analyzed));
      return saved;
    },
  );
}

export const analyzeActivity = createAnalyzeActivity();
