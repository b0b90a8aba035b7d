import { AnalysisError } from "@/lib/analysis/analyzer";

export interface RetryPolicy {
  /** Retries after the first attempt (ANALYSIS_RETRIES). */
  retries: number;
  /** The first backoff; it doubles on every retry. */
  baseMs: number;
  maxMs: number;
}

export type RetryDecision =
  | { retry: false; why: "permanent" | "exhausted" }
  | { retry: true; delayMs: number };

/**
 * Whether a failed attempt (0-based) is tried again, and when: never for
 * a permanent error, after the provider's delay when rate limited, with
 * exponential backoff and jitter otherwise. The in-process runner follows
 * it; Inngest applies the same rules through its own error types.
 */
export function retryDecision(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
): RetryDecision {
  if (error instanceof AnalysisError && error.kind === "permanent") {
    return { retry: false, why: "permanent" };
  }
  if (attempt >= policy.retries) return { retry: false, why: "exhausted" };
  if (error instanceof AnalysisError && error.retryAfterMs !== null) {
    return { retry: true, delayMs: error.retryAfterMs };
  }
  const exponential = policy.baseMs * 2 ** attempt;
  const jitter = Math.random() * policy.baseMs;
  return {
    retry: true,
    delayMs: Math.min(policy.maxMs, exponential + jitter),
  };
}

/** The message of anything thrown, for processing_error and logs. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
