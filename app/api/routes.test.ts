import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as activitiesRoute from "@/app/api/activities/route";
import * as analyzeRoute from "@/app/api/activities/[id]/analyze/route";
import * as entriesRoute from "@/app/api/activities/[id]/entries/route";
import * as renderRoute from "@/app/api/activities/[id]/render/route";
import * as activityRoute from "@/app/api/activities/[id]/route";
import * as statusRoute from "@/app/api/activities/[id]/status/route";
import * as versionsRoute from "@/app/api/activities/[id]/versions/route";
import * as reanalyzeRoute from "@/app/api/activities/reanalyze/route";
import * as healthRoute from "@/app/api/health/route";
import * as previewRoute from "@/app/api/preview/route";
import { activities, activityEntries } from "@/db/schema";
import type {
  ActivityDto,
  ApiErrorBody,
  EntryDto,
} from "@/lib/activities/types";
import { openPostgres, setDatabaseForTests } from "@/db/client";
import { call, type Handler, ORIGIN, useAppHarness } from "@/test/api";
import { testBackends, useTestDatabase } from "@/test/db";

const workout = {
  type: "object",
  required: ["started_at", "distance_km"],
  properties: {
    started_at: { type: "string", format: "date-time", title: "Started" },
    distance_km: { type: "number", minimum: 0, title: "Distance (km)" },
    notes: { type: "string", maxLength: 2000 },
  },
};

const MISSING = "00000000-0000-4000-8000-000000000000";

function errorOf(body: unknown): ApiErrorBody["error"] {
  return (body as ApiErrorBody).error;
}

for (const backend of testBackends()) {
  describe(`route handlers (${backend.name})`, () => {
    const handle = useTestDatabase(backend);
    const { state, signUp } = useAppHarness(handle);

    async function counts() {
      const [a] = await handle.db.select({ n: count() }).from(activities);
      const [e] = await handle.db.select({ n: count() }).from(activityEntries);
      return { activities: a?.n, entries: e?.n };
    }

    async function readRow(id: string) {
      const [row] = await handle.db
        .select()
        .from(activities)
        .where(eq(activities.id, id));
      return row;
    }

    async function create(cookie: string, body: unknown = {}) {
      const response = await call(activitiesRoute.POST, {
        method: "POST",
        path: "/api/activities",
        cookie,
        body: { name: "Morning run", schema: workout, ...(body as object) },
      });
      expect(response.status).toBe(201);
      return (response.body as { activity: ActivityDto }).activity;
    }

    it("creates, lists, reads, renames and deletes an activity", async () => {
      const cookie = await signUp("Ada");
      const created = await create(cookie);
      expect(created.status).toBe("PENDING");
      expect(state.dispatcher.requests).toHaveLength(1);
      const params = { id: created.id };

      const list = await call(activitiesRoute.GET, {
        path: "/api/activities",
        cookie,
      });
      expect(list.body).toEqual({
        activities: [
          expect.objectContaining({ id: created.id, name: "Morning run" }),
        ],
      });

      const read = await call(activityRoute.GET, {
        path: `/api/activities/${created.id}`,
        params,
        cookie,
      });
      expect((read.body as { activity: ActivityDto }).activity.schema).toEqual(
        workout,
      );

      const renamed = await call(activityRoute.PATCH, {
        method: "PATCH",
        path: `/api/activities/${created.id}`,
        params,
        cookie,
        body: { name: "Evening run" },
      });
      expect(renamed.status).toBe(200);
      expect((renamed.body as { activity: ActivityDto }).activity.name).toBe(
        "Evening run",
      );

      const deleted = await call(activityRoute.DELETE, {
        method: "DELETE",
        path: `/api/activities/${created.id}`,
        params,
        cookie,
      });
      expect(deleted.status).toBe(204);
      expect(await counts()).toEqual({ activities: 0, entries: 0 });
    });

    it("answers the status with the small polling shape, never cached", async () => {
      const cookie = await signUp("Ada");
      const created = await create(cookie);
      const status = await call(statusRoute.GET, {
        path: `/api/activities/${created.id}/status`,
        params: { id: created.id },
        cookie,
      });
      expect(status.status).toBe(200);
      expect(status.headers.get("cache-control")).toBe("no-store");
      expect(Object.keys(status.body as object).sort()).toEqual([
        "attempts",
        "error",
        "id",
        "processedAt",
        "renderType",
        "runId",
        "schemaVersion",
        "status",
        "updatedAt",
      ]);
    });

    it("refuses a body that is not JSON with 400 and writes nothing", async () => {
      const cookie = await signUp("Ada");
      const response = await call(activitiesRoute.POST, {
        method: "POST",
        path: "/api/activities",
        cookie,
        rawBody: '{"name": "Run", ',
        headers: { "content-type": "application/json" },
      });
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toEqual({
        code: "bad_request",
        message: "The request body is not valid JSON.",
        details: null,
      });
      expect(await counts()).toEqual({ activities: 0, entries: 0 });
    });

    it("refuses a body that is not JSON on every route that takes one", async () => {
      const cookie = await signUp("Ada");
      const created = await create(cookie);
      const params = { id: created.id };
      const at = `/api/activities/${created.id}`;
      const routes: [string, Handler, string][] = [
        ["PATCH", activityRoute.PATCH, at],
        ["POST", entriesRoute.POST, `${at}/entries`],
        ["PUT", renderRoute.PUT, `${at}/render`],
        ["POST", analyzeRoute.POST, `${at}/analyze`],
        ["POST", reanalyzeRoute.POST, "/api/activities/reanalyze"],
        ["POST", previewRoute.POST, "/api/preview"],
      ];
      const before = await readRow(created.id);

      for (const [method, handler, path] of routes) {
        const response = await call(handler, {
          method,
          path,
          params,
          cookie,
          rawBody: "{not json",
          headers: { "content-type": "application/json" },
        });
        expect(response.status, `${method} ${path}`).toBe(400);
        expect(errorOf(response.body).code).toBe("bad_request");
      }
      expect(await readRow(created.id)).toEqual(before);
      expect(await counts()).toEqual({ activities: 1, entries: 0 });
      expect(state.dispatcher.requests).toHaveLength(1);
    });

    it("answers a request its client abandoned with 499, not an error", async () => {
      const cookie = await signUp("Ada");
      // What Node reports when the browser drops a request mid-body (a
      // preview superseded by the next keystroke).
      const reset = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"schema": '));
          controller.error(reset);
        },
      });
      const request = new Request(`${ORIGIN}/api/preview`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit);

      const response = await previewRoute.POST(request, {
        params: Promise.resolve({}),
      });

      expect(response.status).toBe(499);
      expect(await counts()).toEqual({ activities: 0, entries: 0 });
    });

    it("answers 404 on every route of an activity that does not exist", async () => {
      const cookie = await signUp("Ada");
      const at = `/api/activities/${MISSING}`;
      const routes: [string, Handler, string, unknown][] = [
        ["GET", activityRoute.GET, at, undefined],
        ["PATCH", activityRoute.PATCH, at, { name: "New" }],
        ["DELETE", activityRoute.DELETE, at, undefined],
        ["GET", statusRoute.GET, `${at}/status`, undefined],
        ["POST", analyzeRoute.POST, `${at}/analyze`, {}],
        ["PUT", renderRoute.PUT, `${at}/render`, { renderType: "table" }],
        ["DELETE", renderRoute.DELETE, `${at}/render`, undefined],
        ["GET", entriesRoute.GET, `${at}/entries`, undefined],
        ["POST", entriesRoute.POST, `${at}/entries`, { data: {} }],
        ["GET", versionsRoute.GET, `${at}/versions`, undefined],
      ];

      for (const [method, handler, path, body] of routes) {
        const response = await call(handler, {
          method,
          path,
          params: { id: MISSING },
          cookie,
          body,
        });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(errorOf(response.body)).toEqual({
          code: "not_found",
          message: "No activity with that id.",
          details: null,
        });
      }
      expect(await counts()).toEqual({ activities: 0, entries: 0 });
    });

    it("refuses a schema change to an invalid schema and keeps the old one", async () => {
      const cookie = await signUp("Ada");
      const created = await create(cookie);
      const before = await readRow(created.id);

      const response = await call(activityRoute.PATCH, {
        method: "PATCH",
        path: `/api/activities/${created.id}`,
        params: { id: created.id },
        cookie,
        body: { schema: { type: 12 } },
      });

      expect(response.status).toBe(422);
      const error = errorOf(response.body);
      expect(error.code).toBe("validation_failed");
      expect(error.details).toMatchObject({
        problems: [expect.objectContaining({ pointer: "/type" })],
      });
      expect(await readRow(created.id)).toEqual(before);
      expect(state.dispatcher.requests).toHaveLength(1);
    });

    it("refuses an invalid schema with 422 naming the pointer", async () => {
      const cookie = await signUp("Ada");
      const response = await call(activitiesRoute.POST, {
        method: "POST",
        path: "/api/activities",
        cookie,
        body: { name: "Bad", schema: { allOf: { type: "string" } } },
      });
      expect(response.status).toBe(422);
      const error = errorOf(response.body);
      expect(error.code).toBe("validation_failed");
      expect(error.message).toMatch(/allOf/);
      expect(error.details).toMatchObject({
        problems: [expect.objectContaining({ pointer: "/allOf" })],
      });
      expect(await counts()).toEqual({ activities: 0, entries: 0 });
    });

    it("answers 404 for an unknown or malformed id", async () => {
      const cookie = await signUp("Ada");
      for (const id of [MISSING, "not-a-uuid"]) {
        const response = await call(activityRoute.GET, {
          path: `/api/activities/${id}`,
          params: { id },
          cookie,
        });
        expect(response.status).toBe(404);
        expect(errorOf(response.body).code).toBe("not_found");
      }
    });

    it("adds an entry that fits and refuses one that breaks the schema", async () => {
      const cookie = await signUp("Ada");
      const created = await create(cookie);
      const params = { id: created.id };
      const path = `/api/activities/${created.id}/entries`;
      const good = { started_at: "2026-12-01T07:00:00Z", distance_km: 5.2 };

      const added = await call(entriesRoute.POST, {
        method: "POST",
        path,
        params,
        cookie,
        body: { data: good },
      });
      expect(added.status).toBe(201);
      expect((added.body as { entry: EntryDto }).entry.data).toEqual(good);

      const broken = await call(entriesRoute.POST, {
        method: "POST",
        path,
        params,
        cookie,
        body: { data: { started_at: "yesterday", distance_km: -1 } },
      });
      expect(broken.status).toBe(422);
      expect(errorOf(broken.body).message).toMatch(/started_at|distance_km/);
      expect(await counts()).toEqual({ activities: 1, entries: 1 });

      const listed = await call(entriesRoute.GET, { path, params, cookie });
      expect((listed.body as { entries: EntryDto[] }).entries).toHaveLength(1);
    });

    it("pins a render type checked against the schema, and unpins it", async () => {
      const cookie = await signUp("Ada");
      const created = await create(cookie);
      const params = { id: created.id };
      const path = `/api/activities/${created.id}/render`;

      const pinned = await call(renderRoute.PUT, {
        method: "PUT",
        path,
        params,
        cookie,
        body: { renderType: "table" },
      });
      expect(pinned.status).toBe(200);
      const activity = (pinned.body as { activity: ActivityDto }).activity;
      expect(activity.renderPinned).toBe(true);
      expect(activity.render?.renderType).toBe("table");

      const wrongField = structuredClone(activity.render);
      if (wrongField?.layout.type === "table") {
        wrongField.layout.groupBy = "/does_not_exist";
      }
      const refused = await call(renderRoute.PUT, {
        method: "PUT",
        path,
        params,
        cookie,
        body: { render: wrongField },
      });
      expect(refused.status).toBe(422);
      expect(JSON.stringify(errorOf(refused.body).details)).toMatch(
        /does_not_exist/,
      );

      const unpinned = await call(renderRoute.DELETE, {
        method: "DELETE",
        path,
        params,
        cookie,
      });
      expect(
        (unpinned.body as { activity: ActivityDto }).activity.renderPinned,
      ).toBe(false);
    });

    it("lists schema versions newest first after a schema change", async () => {
      const cookie = await signUp("Ada");
      const created = await create(cookie);
      const params = { id: created.id };
      const changed = {
        ...workout,
        properties: { ...workout.properties, avg_hr: { type: "integer" } },
      };
      const patched = await call(activityRoute.PATCH, {
        method: "PATCH",
        path: `/api/activities/${created.id}`,
        params,
        cookie,
        body: { schema: changed },
      });
      expect(patched.status).toBe(200);

      const versions = await call(versionsRoute.GET, {
        path: `/api/activities/${created.id}/versions`,
        params,
        cookie,
      });
      const list = (versions.body as { versions: { version: number }[] })
        .versions;
      expect(list.map((v) => v.version)).toEqual([2, 1]);
    });

    it("re-analyses on request, optionally bypassing the cache", async () => {
      const cookie = await signUp("Ada");
      const created = await create(cookie);
      const response = await call(analyzeRoute.POST, {
        method: "POST",
        path: `/api/activities/${created.id}/analyze`,
        params: { id: created.id },
        cookie,
        body: { bypassCache: true },
      });
      expect(response.status).toBe(202);
      expect(state.dispatcher.requests.at(-1)).toMatchObject({
        activityId: created.id,
        bypassCache: true,
        reason: "reanalyze",
      });
    });

    it("re-analyses all of a person's activities in one request", async () => {
      const cookie = await signUp("Ada");
      await create(cookie);
      await create(cookie, { name: "Swim" });
      const before = state.dispatcher.requests.length;
      const response = await call(reanalyzeRoute.POST, {
        method: "POST",
        path: "/api/activities/reanalyze",
        cookie,
        body: { bypassCache: true },
      });
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ total: 2 });
      expect(state.dispatcher.requests.length - before).toBe(2);

      const since = (response.body as { since: string }).since;
      const progress = await call(reanalyzeRoute.GET, {
        path: `/api/activities/reanalyze?since=${encodeURIComponent(since)}`,
        cookie,
      });
      expect(progress.body).toMatchObject({ total: 2 });
    });

    it("previews a schema without saving, with lines for problems", async () => {
      const cookie = await signUp("Ada");
      const good = await call(previewRoute.POST, {
        method: "POST",
        path: "/api/preview",
        cookie,
        body: { schema: workout },
      });
      expect(good.status).toBe(200);
      expect(good.body).toMatchObject({
        render: { renderType: expect.any(String) },
        renders: { form: { ok: true }, table: expect.any(Object) },
        formSchema: expect.objectContaining({ type: "object" }),
      });

      const text = '{\n  "type": "object",\n  "allOf": {}\n}';
      const bad = await call(previewRoute.POST, {
        method: "POST",
        path: "/api/preview",
        cookie,
        body: { schemaText: text },
      });
      expect(bad.status).toBe(422);
      expect(errorOf(bad.body).details).toMatchObject({
        problems: [expect.objectContaining({ pointer: "/allOf", line: 3 })],
      });
      expect(await counts()).toEqual({ activities: 0, entries: 0 });
    });

    it("reports health without a session", async () => {
      const response = await healthRoute.GET(
        new Request("http://localhost:3000/api/health"),
      );
      const body = (await response.json()) as {
        ok: boolean;
        database: { reachable: boolean };
        runner: { mode: string };
      };
      expect(response.status).toBe(200);
      expect(body.database.reachable).toBe(true);
      expect(body.runner.mode).toBe("inline");
    });

    it("answers health with 503 and the reason when the database is down", async () => {
      // A PostgreSQL address where nothing listens.
      const down = openPostgres("postgres://postgres@127.0.0.1:9/none", 1);
      setDatabaseForTests(down);
      try {
        const response = await healthRoute.GET(
          new Request("http://localhost:3000/api/health"),
        );
        const body = (await response.json()) as {
          ok: boolean;
          database: { reachable: boolean; error?: string };
        };
        expect(response.status).toBe(503);
        expect(body.ok).toBe(false);
        expect(body.database.reachable).toBe(false);
        expect(body.database.error).toBeTruthy();
      } finally {
        setDatabaseForTests(handle.database);
        await down.close();
      }
    });
  });
}
