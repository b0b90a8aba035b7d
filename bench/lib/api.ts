import { randomUUID } from "node:crypto";

export const SETTLED = new Set(["COMPLETED", "FAILED", "SKIPPED"]);

export interface StatusBody {
  id: string;
  status: string;
  error: string | null;
}

/**
 * One signed-up person talking to a bench server, as a non-browser client:
 * the session cookies on every call, no Origin header on API calls.
 */
export class Api {
  cookie = "";
  email = "";

  /**
   * `address` is sent as X-Forwarded-For on sign-up and sign-in: better
   * auth allows three sign-ups per address every ten seconds, and the
   * bench's people stand for people on different machines.
   */
  constructor(
    readonly base: string,
    private readonly address = "127.0.0.1",
  ) {}

  /** Signs up a new person and keeps the session cookies. */
  async signUp(name = "Bench"): Promise<this> {
    this.email = `bench-${randomUUID()}@example.test`;
    await this.auth("/api/auth/sign-up/email", {
      name,
      email: this.email,
      password: "bench-password-1",
    });
    return this;
  }

  /**
   * Signs in again for a fresh session cookie: the signed session cache in
   * it is good for five minutes, after which each request looks the
   * session up in the database (a different thing to measure).
   */
  async signIn(): Promise<void> {
    await this.auth("/api/auth/sign-in/email", {
      email: this.email,
      password: "bench-password-1",
    });
  }

  private async auth(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.base}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: this.base,
        "x-forwarded-for": this.address,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    }
    this.cookie = response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; ");
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${text}`);
    }
    return JSON.parse(text) as T;
  }

  async createActivity(name: string, schema: unknown): Promise<string> {
    const body = await this.call<{ activity: { id: string } }>(
      "POST",
      "/api/activities",
      { name, description: "Created by npm run bench.", schema },
    );
    return body.activity.id;
  }

  status(id: string): Promise<StatusBody> {
    return this.call<StatusBody>("GET", `/api/activities/${id}/status`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Timed {
  id: string;
  /** From the POST's start until a status poll saw a settled status. */
  ms: number;
  postMs: number;
  status: string;
  polls: number;
  /** Mean round trip of one status poll during this wait. */
  pollRttMs: number;
}

/**
 * Creates an activity and polls its status every `everyMs` (start to
 * start; back to back when a poll takes longer) until it settles.
 */
export async function createAndWait(
  api: Api,
  name: string,
  schema: unknown,
  { everyMs = 5, timeoutMs = 30_000 } = {},
): Promise<Timed> {
  const started = performance.now();
  const id = await api.createActivity(name, schema);
  const postMs = performance.now() - started;
  let polls = 0;
  let pollTime = 0;
  for (;;) {
    const pollStarted = performance.now();
    const { status } = await api.status(id);
    const now = performance.now();
    polls += 1;
    pollTime += now - pollStarted;
    if (SETTLED.has(status)) {
      return {
        id,
        ms: now - started,
        postMs,
        status,
        polls,
        pollRttMs: pollTime / polls,
      };
    }
    if (now - started > timeoutMs) {
      throw new Error(`activity ${id} still ${status} after ${timeoutMs} ms`);
    }
    await sleep(Math.max(0, everyMs - (now - pollStarted)));
  }
}

/**
 * `count` activities created one after another, each with a schema no
 * other has (so the render cache never answers), each polled every
 * `everyMs` until settled. `tag` keeps names and schemas apart per run.
 */
export async function createInTurn(
  api: Api,
  count: number,
  tag: string,
  everyMs = 5,
): Promise<Timed[]> {
  const timed: Timed[] = [];
  for (let i = 0; i < count; i++) {
    const schema = distinctSchema(`${tag}i${i}`);
    timed.push(await createAndWait(api, `${tag} #${i}`, schema, { everyMs }));
  }
  return timed;
}

/** Create → settled times of a run, in milliseconds. */
export function durations(timed: Timed[]): number[] {
  return timed.map((t) => t.ms);
}

/** A flat activity schema made distinct (another hash) by `tag`. */
export function distinctSchema(
  tag: string,
  fields = 8,
): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    title: { type: "string", title: "Title", maxLength: 80 },
    loggedAt: { type: "string", format: "date-time", title: "Logged at" },
    amount: { type: "number", minimum: 0, title: "Amount" },
    category: { type: "string", enum: ["home", "work", "sport", "other"] },
    done: { type: "boolean", title: "Done" },
    notes: { type: "string", maxLength: 500, title: "Notes" },
  };
  for (let i = 6; i < fields; i++) {
    properties[`extra_${i}`] = { type: "integer", minimum: 0 };
  }
  properties[`tag_${tag.replace(/[^a-zA-Z0-9]/g, "_")}`] = {
    type: "string",
    title: `Tag ${tag}`,
  };
  return {
    type: "object",
    title: "Bench activity",
    required: ["title", "loggedAt"],
    properties,
  };
}
