import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "openai";
import { AnalysisError } from "@/lib/analysis/analyzer";

/** What the classifier needs to word its messages. */
export interface CallSettings {
  model: string;
  timeoutMs: number;
  /** Host of OPENAI_BASE_URL, or null for api.openai.com. */
  host: string | null;
}

/**
 * Turns whatever the OpenAI client threw into an AnalysisError the workflow
 * can act on: retry later, retry now, or stop. Provider messages are kept
 * out of the 401 text because they echo part of the key.
 */
export function classifyOpenAIError(
  error: unknown,
  settings: CallSettings,
): AnalysisError {
  if (error instanceof AnalysisError) return error;
  if (error instanceof APIUserAbortError) {
    return new AnalysisError(
      "transient",
      "The analysis was cancelled before the model answered.",
      { cause: error },
    );
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new AnalysisError(
      "transient",
      `The model did not answer within ${settings.timeoutMs} ms ` +
        "(OPENAI_TIMEOUT_MS). It may be overloaded; the analysis can be " +
        "retried.",
      { cause: error },
    );
  }
  if (error instanceof APIConnectionError) {
    return new AnalysisError(
      "transient",
      `Could not reach the model server at ${where(settings)}. ` +
        "Check the network and OPENAI_BASE_URL.",
      { cause: error },
    );
  }
  if (error instanceof APIError && typeof error.status === "number") {
    return classifyStatus(error, error.status, settings);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AnalysisError(
    "transient",
    `Unexpected error while calling the model: ${detail}`,
    { cause: error },
  );
}

function classifyStatus(
  error: APIError,
  status: number,
  settings: CallSettings,
): AnalysisError {
  const permanent = (message: string) =>
    new AnalysisError("permanent", message, { cause: error });

  if (status === 429) return rateLimited(error);
  if (status === 401) {
    return permanent(
      "The OpenAI API key was rejected (401). Check OPENAI_API_KEY.",
    );
  }
  if (status === 403) {
    return permanent(
      `The API key may not use model "${settings.model}" (403). ` +
        "Check the key's project permissions or OPENAI_MODEL.",
    );
  }
  if (status === 404) {
    return permanent(
      `Model "${settings.model}" was not found at ${where(settings)} ` +
        "(404). Check OPENAI_MODEL and OPENAI_BASE_URL.",
    );
  }
  if (isContentFilter(error)) {
    return permanent(
      "The provider's content filter blocked this schema. Review its " +
        "titles and descriptions, or use the rule-based analyser.",
    );
  }
  if (status === 408 || status === 409 || status >= 500) {
    return new AnalysisError(
      "transient",
      `The model server had a temporary problem (${status}). ` +
        "The analysis can be retried.",
      { cause: error },
    );
  }
  return permanent(
    `The provider rejected the request (${status}): ` +
      `${providerMessage(error)} Check OPENAI_MODEL and the schema.`,
  );
}

function rateLimited(error: APIError): AnalysisError {
  // OpenAI answers 429 both for "slow down" and for "out of credit"; only
  // the first goes away by waiting.
  if (error.code === "insufficient_quota") {
    return new AnalysisError(
      "permanent",
      "The OpenAI account has no quota left (429 insufficient_quota). " +
        "Check the plan and billing of the key in OPENAI_API_KEY.",
      { cause: error },
    );
  }
  const retryAfterMs = retryAfterFrom(error.headers);
  const wait =
    retryAfterMs === null ? "" : ` It asks to wait ${retryAfterMs} ms.`;
  return new AnalysisError(
    "rate_limited",
    `The model provider is rate limiting requests (429).${wait}`,
    { cause: error, retryAfterMs },
  );
}

/**
 * Reads retry-after-ms (OpenAI, Azure) or retry-after (seconds or an HTTP
 * date). Returns null when neither gives a usable, non-negative delay.
 */
export function retryAfterFrom(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | null {
  const millis = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(millis) && millis >= 0) return Math.ceil(millis);

  const value = headers?.get("retry-after")?.trim();
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return Math.ceil(seconds * 1000);
  }
  // Date.parse reads "-3" as the year 3 BC; an HTTP date has a weekday.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

function isContentFilter(error: APIError): boolean {
  // Azure reports its filter as a 400 with one of these codes.
  const code = String(error.code ?? "");
  return code === "content_filter" || code === "content_policy_violation";
}

function providerMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const text = typeof body?.message === "string" ? body.message : "";
  const trimmed = text.replace(/\s+/g, " ").trim().slice(0, 300);
  if (!trimmed) return "no reason given.";
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function where(settings: CallSettings): string {
  return settings.host ?? "api.openai.com";
}
