import "server-only";
import { NextResponse } from "next/server";
import { IllegalTransitionError } from "@/lib/activities/status";
import { currentUserId } from "@/lib/auth";
import { getDb } from "@/db/client";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { ApiErrorBody } from "@/lib/activities/types";
import { ActivityId } from "@/lib/activities/inputs";

export interface RouteScope {
  db: Db;
  userId: string;
  request: Request;
}

type Params = Record<string, string | string[] | undefined>;
type Handler<P extends Params> = (
  scope: RouteScope,
  params: P,
) => Promise<Response>;

/**
 * Wraps a route handler: resolves the owner and the database, and turns
 * every error into the one error shape with a fitting status.
 */
export function route<P extends Params = Params>(handler: Handler<P>) {
  return async (
    request: Request,
    context: { params: Promise<P> },
  ): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const [db, userId, params] = await Promise.all([
        getDb(),
        currentUserId(request.headers),
        context.params,
      ]);
      return await handler({ db, userId, request }, params);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request sent by another site's page. Browsers
 * name the page's origin (and say "cross-site"); clients that are not
 * browsers send neither and are judged by their session alone.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const host =
    request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const crossSite =
    site === "cross-site" ||
    (origin !== null && origin !== "null" && new URL(origin).host !== host) ||
    origin === "null";
  if (crossSite) {
    throw new AppError(
      "forbidden",
      "Requests from other sites are refused. Use the app itself.",
    );
  }
}

export function errorResponse(error: unknown, request?: Request): Response {
  if (clientWentAway(error, request)) {
    // Nobody is waiting for an answer (a preview superseded by the next
    // keystroke, a closed tab): nothing failed on our side.
    logger().debug(
      { method: request?.method, path: pathOf(request) },
      "client went away before the answer",
    );
    return new Response(null, { status: 499 });
  }
  const { status, body } = errorAnswer(error, {
    method: request?.method,
    path: pathOf(request),
  });
  const response = json(body, status);
  const retry = (body.error.details as { retryAfterSeconds?: number } | null)
    ?.retryAfterSeconds;
  if (body.error.code === "rate_limited" && retry !== undefined) {
    response.headers.set("retry-after", String(retry));
  }
  return response;
}

/**
 * What a person is told about an error, and its HTTP status: the error's
 * own safe message when the app raised it on purpose, otherwise a general
 * sentence (the error itself goes to the log, with `context`).
 */
export function errorAnswer(
  error: unknown,
  context: Record<string, unknown>,
): { status: number; body: ApiErrorBody } {
  const known = toAppError(error);
  if (known) return { status: known.status, body: bodyOf(known) };

  logger().error({ err: error, ...context }, "request failed");
  const internal = new AppError(
    "internal",
    "Something went wrong on our side. Try again in a moment.",
  );
  return { status: internal.status, body: bodyOf(internal) };
}

/** The client closed the request while its body was being read. */
function clientWentAway(error: unknown, request?: Request): boolean {
  if (request?.signal.aborted) return true;
  const { code, message } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
  };
  return code === "ECONNRESET" && message === "aborted";
}

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof IllegalTransitionError) {
    return new AppError("conflict", error.message);
  }
  return null;
}

function bodyOf(error: AppError): ApiErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      // Always present, so a client can read it without checking.
      details: error.details ?? null,
    },
  };
}

function pathOf(request?: Request): string | undefined {
  return request ? new URL(request.url).pathname : undefined;
}

export function json(body: unknown, status = 200): Response {
  return NextResponse.json(body, {
    status,
    headers: { "cache-control": "no-store" },
  });
}

/** Reads a JSON body, answering 400 when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}

/** The activity id from the path; a malformed id is simply not found. */
export function activityIdOf(params: { id?: string | string[] }): string {
  const parsed = ActivityId.safeParse(params.id);
  if (!parsed.success) {
    throw new AppError("not_found", "No activity with that id.");
  }
  return parsed.data;
}
