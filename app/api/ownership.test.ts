import { afterEach, describe, expect, it } from "vitest";
import * as activitiesRoute from "@/app/api/activities/route";
import * as analyzeRoute from "@/app/api/activities/[id]/analyze/route";
import * as entriesRoute from "@/app/api/activities/[id]/entries/route";
import * as renderRoute from "@/app/api/activities/[id]/render/route";
import * as activityRoute from "@/app/api/activities/[id]/route";
import * as statusRoute from "@/app/api/activities/[id]/status/route";
import * as versionsRoute from "@/app/api/activities/[id]/versions/route";
import * as reanalyzeRoute from "@/app/api/activities/reanalyze/route";
import * as previewRoute from "@/app/api/preview/route";
import { count } from "drizzle-orm";
import { activityEntries } from "@/db/schema";
import type { ActivityDto, ApiErrorBody } from "@/lib/activities/types";
import { createAuth } from "@/lib/auth/server";
import { parseEnv } from "@/lib/env";
import { RateLimiter, setLimiterForTests } from "@/lib/rate-limit";
import { type Call, call, type Handler, useAppHarness } from "@/test/api";
import { testBackends, useTestDatabase } from "@/test/db";

const schema = {
  type: "object",
  properties: {
    title: { type: "string" },
    pages: { type: "integer", minimum: 1 },
    finished_on: { type: "string", format: "date" },
  },
};

/** Every route that takes an activity id, with a request that would act. */
function idRoutes(id: string): [string, Handler, Call][] {
  const params = { id };
  const at = (suffix = "") => `/api/activities/${id}${suffix}`;
  return [
    ["read", activityRoute.GET, { path: at(), params }],
    [
      "rename",
      activityRoute.PATCH,
      { method: "PATCH", path: at(), params, body: { name: "Mine now" } },
    ],
    [
      "change schema",
      activityRoute.PATCH,
      { method: "PATCH", path: at(), params, body: { schema: {} } },
    ],
    ["delete", activityRoute.DELETE, { method: "DELETE", path: at(), params }],
    ["status", statusRoute.GET, { path: at("/status"), params }],
    [
      "re-analyse",
      analyzeRoute.POST,
      { method: "POST", path: at("/analyze"), params, body: {} },
    ],
    [
      "pin",
      renderRoute.PUT,
      {
        method: "PUT",
        path: at("/render"),
        params,
        body: { renderType: "form" },
      },
    ],
    [
      "unpin",
      renderRoute.DELETE,
      { method: "DELETE", path: at("/render"), params },
    ],
    ["list entries", entriesRoute.GET, { path: at("/entries"), params }],
    [
      "add entry",
      entriesRoute.POST,
      {
        method: "POST",
        path: at("/entries"),
        params,
        body: { data: { title: "Dune", pages: 412 } },
      },
    ],
    ["versions", versionsRoute.GET, { path: at("/versions"), params }],
  ];
}

for (const backend of testBackends()) {
  describe(`ownership and limits (${backend.name})`, () => {
    const handle = useTestDatabase(backend);
    const { signUp } = useAppHarness(handle);

    afterEach(() => setLimiterForTests(null));

    async function createAs(cookie: string) {
      const response = await call(activitiesRoute.POST, {
        method: "POST",
        path: "/api/activities",
        cookie,
        body: { name: "Reading log", schema },
      });
      expect(response.status).toBe(201);
      return (response.body as { activity: ActivityDto }).activity;
    }

    it("B using A's id is answered like a missing activity, and A's data stays", async () => {
      const alice = await signUp("Alice");
      const bob = await signUp("Bob");
      const mine = await createAs(alice);

      for (const [what, handler, request] of idRoutes(mine.id)) {
        const response = await call(handler, { ...request, cookie: bob });
        expect(response.status, what).toBe(404);
        expect((response.body as ApiErrorBody).error.message, what).toBe(
          "No activity with that id.",
        );
      }

      const read = await call(activityRoute.GET, {
        path: `/api/activities/${mine.id}`,
        params: { id: mine.id },
        cookie: alice,
      });
      const after = (read.body as { activity: ActivityDto }).activity;
      expect(after.name).toBe("Reading log");
      expect(after.schemaVersion).toBe(1);
      expect(after.renderPinned).toBe(false);
      const [entries] = await handle.db
        .select({ n: count() })
        .from(activityEntries);
      expect(entries?.n).toBe(0);
    });

    it("B's list never shows A's activities", async () => {
      const alice = await signUp("Alice");
      const bob = await signUp("Bob");
      await createAs(alice);
      await createAs(alice);
      const bobs = await createAs(bob);

      const list = await call(activitiesRoute.GET, {
        path: "/api/activities",
        cookie: bob,
      });
      const ids = (list.body as { activities: { id: string }[] }).activities;
      expect(ids.map((a) => a.id)).toEqual([bobs.id]);
    });

    it("a request without a session gets 401 on every endpoint", async () => {
      const alice = await signUp("Alice");
      const mine = await createAs(alice);
      const routes: [string, Handler, Call][] = [
        ["list", activitiesRoute.GET, { path: "/api/activities" }],
        [
          "create",
          activitiesRoute.POST,
          {
            method: "POST",
            path: "/api/activities",
            body: { name: "X", schema },
          },
        ],
        [
          "preview",
          previewRoute.POST,
          { method: "POST", path: "/api/preview", body: { schema } },
        ],
        [
          "re-analyse all",
          reanalyzeRoute.POST,
          { method: "POST", path: "/api/activities/reanalyze", body: {} },
        ],
        ...idRoutes(mine.id),
      ];
      for (const [what, handler, request] of routes) {
        const response = await call(handler, request);
        expect(response.status, what).toBe(401);
        expect((response.body as ApiErrorBody).error.code, what).toBe(
          "unauthorized",
        );
      }
      const forged = await call(activitiesRoute.GET, {
        path: "/api/activities",
        cookie: "better-auth.session_token=forged.value",
      });
      expect(forged.status).toBe(401);
    });

    it("the per-person limit answers 429 with when to retry, then lets requests through", async () => {
      let now = 1_000_000;
      setLimiterForTests(new RateLimiter(2, 60_000, () => now));
      const alice = await signUp("Alice");
      const bob = await signUp("Bob");
      await createAs(alice);
      await createAs(alice);

      const refused = await call(activitiesRoute.POST, {
        method: "POST",
        path: "/api/activities",
        cookie: alice,
        body: { name: "Third", schema },
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("60");
      expect((refused.body as ApiErrorBody).error.message).toMatch(
        /Try again in 60 seconds/,
      );
      const list = await call(activitiesRoute.GET, {
        path: "/api/activities",
        cookie: alice,
      });
      expect((list.body as { activities: unknown[] }).activities).toHaveLength(
        2,
      );

      await createAs(bob); // another person has their own allowance
      now += 60_001;
      await createAs(alice);
    });

    it("refuses a state-changing request from another site", async () => {
      const alice = await signUp("Alice");
      const response = await call(activitiesRoute.POST, {
        method: "POST",
        path: "/api/activities",
        cookie: alice,
        body: { name: "Forged", schema },
        headers: {
          origin: "https://evil.example",
          "sec-fetch-site": "cross-site",
        },
      });
      expect(response.status).toBe(403);
      const list = await call(activitiesRoute.GET, {
        path: "/api/activities",
        cookie: alice,
      });
      expect((list.body as { activities: unknown[] }).activities).toEqual([]);
    });

    it("sets session cookies HttpOnly and SameSite=Lax", async () => {
      const auth = await import("@/lib/auth/server").then((m) => m.getAuth());
      const response = await auth.api.signUpEmail({
        body: {
          name: "Carol",
          email: `carol-${crypto.randomUUID()}@example.test`,
          password: "correct horse battery",
        },
        asResponse: true,
      });
      const cookies = response.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) {
        expect(cookie).toMatch(/HttpOnly/i);
        expect(cookie).toMatch(/SameSite=Lax/i);
        // Served over http in development: a Secure cookie would be lost.
        expect(cookie).not.toMatch(/;\s*Secure/i);
      }
    });

    it("marks session cookies Secure in production behind https", async () => {
      const auth = createAuth(
        handle.database.db,
        parseEnv({
          ...process.env,
          NODE_ENV: "production",
          BETTER_AUTH_URL: "https://schema-render.example",
          BETTER_AUTH_SECRET: "prod-secret-prod-secret-prod-secret-0123",
        }),
      );
      const response = await auth.api.signUpEmail({
        body: {
          name: "Dana",
          email: `dana-${crypto.randomUUID()}@example.test`,
          password: "correct horse battery",
        },
        asResponse: true,
      });
      const cookies = response.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) {
        expect(cookie).toMatch(/;\s*Secure/i);
        expect(cookie).toMatch(/HttpOnly/i);
        expect(cookie).toMatch(/SameSite=Lax/i);
      }
    });
  });
}
