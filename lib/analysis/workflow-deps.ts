import "server-only";
import type { WorkflowDeps } from "@/lib/analysis/steps";
import { env, type Env } from "@/lib/env";

let cached: Promise<WorkflowDeps> | undefined;

/**
 * The configured analyser and its fallback. Loaded on first use so that
 * tests, which inject their own analyser, never load the model client.
 */
export function defaultWorkflowDeps(
  config: Env = env(),
): Promise<WorkflowDeps> {
  cached ??= load(config).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(config: Env): Promise<WorkflowDeps> {
  const { selectAnalyzer, fallbackRender } =
    await import("@/lib/analysis/select-analyzer");
  const usesModel = Boolean(config.OPENAI_API_KEY);
  return {
    analyzer: selectAnalyzer(config),
    fallback: usesModel && config.AI_FALLBACK ? fallbackRender : null,
  };
}
