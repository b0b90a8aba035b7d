import { openAIAnalyzerFromEnv } from "@/lib/ai/openai-analyzer";
import {
  AnalysisError,
  type AnalysisResult,
  type Analyzer,
} from "@/lib/analysis/analyzer";
import { env, type Env } from "@/lib/env";
import {
  InvalidSchemaError,
  RULES_ANALYZER_VERSION,
  analyzeWithRules,
} from "@/lib/render";
import type { SchemaRender } from "@/lib/render/types";

const RULES_IDENTITY = `rules@${RULES_ANALYZER_VERSION}`;

/** The rule-based analyser behind the analyser port. */
export const rulesAnalyzer: Analyzer = {
  identity: RULES_IDENTITY,
  callsModel: false,
  analyze(schema) {
    // Inside the executor, a throw becomes a rejection like any analyser's.
    return new Promise((resolve) => resolve(rulesResult(schema, null)));
  },
};

function rulesResult(
  schema: unknown,
  fallbackReason: string | null,
): AnalysisResult {
  const started = Date.now();
  const render = rulesRender(schema);
  return {
    render,
    meta: {
      analyzer: RULES_IDENTITY,
      model: null,
      latencyMs: Date.now() - started,
      tokensIn: null,
      tokensOut: null,
      cacheHit: false,
      fallbackReason,
    },
  };
}

/** A schema that is not a JSON Schema will not become one on a retry. */
function rulesRender(schema: unknown): SchemaRender {
  try {
    return analyzeWithRules(schema);
  } catch (error) {
    if (!(error instanceof InvalidSchemaError)) throw error;
    throw new AnalysisError(
      "permanent",
      `The schema cannot be analysed: ${error.message}`,
      { cause: error },
    );
  }
}

/**
 * The rule-based render standing in for a model that failed for good, with
 * `reason` (the model's error, for a person) in meta.fallbackReason. For
 * the workflow once its retries are spent; check AI_FALLBACK first.
 */
export function fallbackRender(
  schema: unknown,
  reason: string,
): AnalysisResult {
  return rulesResult(schema, `The AI model failed: ${reason}`);
}

/**
 * Wraps an analyser so a permanent failure (bad key, unknown model,
 * refusal...) answers with `fallback` instead of throwing; for callers
 * without the workflow's retry and failure handling. Other kinds are
 * rethrown: they may succeed on a retry.
 *
 * The wrapper keeps the primary's identity, so a result carrying
 * meta.fallbackReason must not be stored in the render cache, or the model
 * would never be asked again for that schema.
 */
export function withFallback(
  primary: Analyzer,
  fallback: Analyzer = rulesAnalyzer,
): Analyzer {
  return {
    identity: primary.identity,
    ...(primary.callsModel !== undefined
      ? { callsModel: primary.callsModel }
      : {}),
    async analyze(schema, context) {
      try {
        return await primary.analyze(schema, context);
      } catch (error) {
        if (!(error instanceof AnalysisError) || error.kind !== "permanent") {
          throw error;
        }
        const result = await fallback.analyze(schema, context);
        const reason = `The AI model failed: ${error.message}`;
        return { ...result, meta: { ...result.meta, fallbackReason: reason } };
      }
    },
  };
}

/**
 * The analyser the configuration asks for: OpenAI (or a compatible server)
 * when OPENAI_API_KEY is set, the rule-based analyser otherwise.
 */
export function selectAnalyzer(config: Env = env()): Analyzer {
  if (!config.OPENAI_API_KEY) return rulesAnalyzer;
  return openAIAnalyzerFromEnv(config);
}

/**
 * What the workflow uses once the model has failed for good: the
 * rule-based render when the AI analyser is selected and AI_FALLBACK is on
 * (the default), else null, and the failure stands.
 */
export function selectFallback(
  config: Env = env(),
): ((schema: unknown, reason: string) => AnalysisResult) | null {
  if (!config.OPENAI_API_KEY || !config.AI_FALLBACK) return null;
  return fallbackRender;
}
