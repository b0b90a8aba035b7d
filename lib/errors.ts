/**
 * The one error type the app raises on purpose. Its code maps to an HTTP
 * status, and its message is safe to show: it says what to do.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what = "activity"): AppError {
  return new AppError("not_found", `No ${what} with that id.`);
}

/** Field errors in the shape forms and the API share. */
export interface ValidationDetails {
  fieldErrors: Record<string, string[]>;
  problems?: { pointer: string; message: string; line?: number }[];
}

export function validationFailed(
  message: string,
  details: ValidationDetails,
): AppError {
  return new AppError("validation_failed", message, details);
}
