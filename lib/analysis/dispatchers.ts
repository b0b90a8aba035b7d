import "server-only";
import type { Inngest } from "inngest";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import {
  activityDeleted,
  schemaSubmitted,
  schemaSubmittedData,
} from "@/inngest/events";
import {
  type AnalysisRequest,
  type Dispatcher,
  DispatchError,
} from "@/lib/analysis/dispatcher";
import { InlineRunner } from "@/lib/analysis/inline-runner";
import { errorMessage } from "@/lib/analysis/retry";
import { defaultWorkflowDeps } from "@/lib/analysis/workflow-deps";
import { env, runnerMode } from "@/lib/env";

/**
 * Where the dispatcher port meets the runners. This is the one module of
 * lib/ that reaches up into inngest/: it composes, it holds no logic.
 */

/** Hands requests to Inngest as `activity/schema.submitted` events. */
export function inngestDispatcher(client: Inngest.Any = inngest): Dispatcher {
  return {
    mode: "inngest",
    async dispatch(request: AnalysisRequest) {
      const event = schemaSubmitted.create(schemaSubmittedData(request));
      const { ids } = await sendOrExplain(client, event);
      return { requestId: ids[0] ?? event.data.requestKey };
    },
    async cancel({ activityId, userId }) {
      await sendOrExplain(
        client,
        activityDeleted.create({ activityId, userId }),
      );
    },
  };
}

async function sendOrExplain(
  client: Inngest.Any,
  event: Parameters<Inngest.Any["send"]>[0],
) {
  try {
    return await client.send(event);
  } catch (error) {
    const where = env().INNGEST_BASE_URL ?? "Inngest";
    throw new DispatchError(
      `${where} could not be reached (${errorMessage(error)})`,
      { cause: error },
    );
  }
}

// `next dev` reloads modules on every change; keeping the runner on
// globalThis leaves one queue (and one sweep timer) per process.
const holder = globalThis as typeof globalThis & {
  __schemaRenderDispatcher?: Dispatcher;
  __schemaRenderInlineRunner?: InlineRunner;
};

/** The process-wide in-process runner, created on first use. */
export function getInlineRunner(): InlineRunner {
  holder.__schemaRenderInlineRunner ??= new InlineRunner({
    db: getDb,
    backoffBaseMs: env().ANALYSIS_BACKOFF_MS,
    deps: () => defaultWorkflowDeps(),
  });
  return holder.__schemaRenderInlineRunner;
}

/** The dispatcher ANALYSIS_RUNNER (or the Inngest settings) selects. */
export function getDispatcher(): Dispatcher {
  holder.__schemaRenderDispatcher ??=
    runnerMode() === "inngest" ? inngestDispatcher() : getInlineRunner();
  return holder.__schemaRenderDispatcher;
}
