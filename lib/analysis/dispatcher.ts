/**
 * The queue port: hands an analysis request to whichever runner is
 * configured (Inngest, or the in-process runner). Implementations throw
 * DispatchError when the runner cannot be reached; the caller keeps the
 * activity and records why.
 */
export interface AnalysisRequest {
  activityId: string;
  userId: string;
  schemaVersion: number;
  schemaHash: string;
  bypassCache: boolean;
  /** Why it was requested, for logs: created, schema-changed, retry... */
  reason: string;
  /**
   * When the request was accepted (ISO time). It tells a deliberate repeat
   * of the same schema apart from a duplicate delivery of one request.
   */
  requestedAt?: string;
}

export interface Dispatcher {
  readonly mode: "inline" | "inngest";
  /** Resolves with an id for the request (Inngest event id or local id). */
  dispatch(request: AnalysisRequest): Promise<{ requestId: string }>;
  /** Tells the runner an activity is gone, so its run can be cancelled. */
  cancel(activity: { activityId: string; userId: string }): Promise<void>;
}

export class DispatchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DispatchError";
  }
}
