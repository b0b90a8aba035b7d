import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Database, setDatabaseForTests } from "@/db/client";
import { createAuth, setAuthForTests } from "@/lib/auth/server";
import { parseEnv } from "@/lib/env";
import { setDispatcherForTests } from "@/lib/analysis/request";
import { RecordingDispatcher } from "@/test/recording-dispatcher";

/** Any route handler; each declares its own params. */
export type Handler = (
  request: Request,
  context: { params: Promise<never> },
) => Promise<Response>;

export interface Call {
  method?: string;
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  /** A raw body, to send something that is not JSON. */
  rawBody?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export const ORIGIN = "http://localhost:3000";

/** Calls a route handler the way Next.js would, with a real Request. */
export async function call(
  handler: Handler,
  { method = "GET", path, params = {}, body, rawBody, cookie, headers }: Call,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const request = new Request(`${ORIGIN}${path}`, {
    method,
    headers: {
      host: "localhost:3000",
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    ...(rawBody !== undefined
      ? { body: rawBody }
      : body !== undefined
        ? { body: JSON.stringify(body) }
        : {}),
  });
  const response = await handler(request, {
    params: Promise.resolve(params) as Promise<never>,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    headers: response.headers,
  };
}

/** Cookies from a response's Set-Cookie headers, as a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

/**
 * Points the app (routes, auth) at a test database and a recording
 * dispatcher, and gives a way to sign people up.
 */
export function useAppHarness(handle: { readonly database: Database }) {
  const state = { dispatcher: new RecordingDispatcher() };
  let auth: ReturnType<typeof createAuth> | undefined;

  beforeAll(() => {
    setDatabaseForTests(handle.database);
    auth = createAuth(
      handle.database.db,
      parseEnv({
        ...process.env,
        BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
      }),
    );
    setAuthForTests(auth);
  });
  beforeEach(() => {
    state.dispatcher = new RecordingDispatcher();
    setDispatcherForTests(state.dispatcher);
  });
  afterAll(() => {
    setDispatcherForTests(null);
    setAuthForTests(null);
    setDatabaseForTests(null);
  });

  async function signUp(name: string): Promise<string> {
    if (!auth) throw new Error("The harness is not set up yet.");
    const response = await auth.api.signUpEmail({
      body: {
        name,
        email: `${name.toLowerCase()}-${crypto.randomUUID()}@example.test`,
        password: "correct horse battery",
      },
      asResponse: true,
    });
    if (!response.ok) throw new Error(`sign-up failed: ${response.status}`);
    return cookiesOf(response);
  }

  return { state, signUp };
}
