import type { ActionResult, ApiErrorBody } from "@/lib/activities/types";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";

/** A schema problem the server found, placed at a pointer and maybe a line. */
export interface SchemaProblem {
  pointer: string;
  message: string;
  line?: number;
}

/** An answer from our API that was not 2xx, with its error body parsed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get fieldErrors(): Record<string, string[]> {
    const details = this.details as { fieldErrors?: unknown } | null;
    const value = details?.fieldErrors;
    return value && typeof value === "object"
      ? (value as Record<string, string[]>)
      : {};
  }

  get problems(): SchemaProblem[] {
    const details = this.details as { problems?: unknown } | null;
    return Array.isArray(details?.problems)
      ? (details.problems as SchemaProblem[])
      : [];
  }
}

/** Fetches JSON from our API; throws ApiError with the server's message. */
export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: {
      accept: "application/json",
      ...(init?.body ? { "content-type": "application/json" } : {}),
      ...init?.headers,
    },
  });
  if (response.status === 204) return undefined as T;

  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (error && typeof error.message === "string") {
    return new ApiError(status, error.code, error.message, error.details);
  }
  const message =
    status >= 500
      ? "The server had a problem. Please try again in a moment."
      : `The request failed (HTTP ${status}).`;
  return new ApiError(status, "HTTP_" + status, message, null);
}

/** A server action's value, or its error thrown as an ApiError. */
export function valueOf<T>(answer: ActionResult<T>): T {
  if (answer.ok) return answer.value;
  const { code, message, details } = answer.error;
  const status = ERROR_STATUS[code as ErrorCode] ?? 400;
  throw new ApiError(status, code, message, details);
}

/** A sentence for the person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) {
    return "Could not reach the server. Check your connection and retry.";
  }
  return error instanceof Error ? error.message : "Something went wrong.";
}

export function jsonBody(value: unknown): Pick<RequestInit, "body"> {
  return { body: JSON.stringify(value) };
}
