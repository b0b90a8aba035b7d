import type { SchemaRender } from "@/lib/render/types";

/**
 * The analyser port. The rule-based analyser and the OpenAI analyser both
 * implement it; the workflow only ever talks to this interface.
 */
export interface Analyzer {
  /**
   * Names the analyser and everything that changes its answer (model,
   * prompt version), so the render cache never mixes their results.
   */
  readonly identity: string;
  /**
   * False for analysers that call no model (the rules): the model-call
   * limit (ANALYSIS_RPM) does not pace them. Unset counts as a model.
   */
  readonly callsModel?: boolean;
  analyze(schema: unknown, context: AnalysisContext): Promise<AnalysisResult>;
}

export interface AnalysisContext {
  activityId?: string;
  runId?: string;
  name?: string;
  description?: string | null;
  signal?: AbortSignal;
}

export interface AnalysisMeta {
  analyzer: string;
  model: string | null;
  latencyMs: number;
  tokensIn: number | null;
  tokensOut: number | null;
  cacheHit: boolean;
  /** Set when the model failed for good and the rule-based render stood in. */
  fallbackReason: string | null;
}

export interface AnalysisResult {
  render: SchemaRender;
  meta: AnalysisMeta;
}

export type AnalysisErrorKind =
  "rate_limited" | "transient" | "permanent" | "invalid_output";

/**
 * A failed analysis, classified so the workflow knows whether to retry
 * (and when), or to stop. The message is meant for a person to act on.
 */
export class AnalysisError extends Error {
  readonly kind: AnalysisErrorKind;
  readonly retryAfterMs: number | null;

  constructor(
    kind: AnalysisErrorKind,
    message: string,
    options: { retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AnalysisError";
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  get retryable(): boolean {
    return this.kind !== "permanent";
  }
}
