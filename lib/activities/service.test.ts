import { count, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { moveStatus } from "@/db/queries/activities";
import {
  activities,
  activityEntries,
  activitySchemaVersions,
} from "@/db/schema";
import { changeStatus } from "@/lib/activities/change-status";
import {
  addEntry,
  createActivity,
  deleteActivity,
  getOwnedActivity,
  listOwnedActivities,
  listOwnedEntries,
  listVersions,
  updateActivity,
} from "@/lib/activities/service";
import { canTransition, IllegalTransitionError } from "@/lib/activities/status";
import { PROCESSING_STATUSES } from "@/lib/activities/types";
import { setDispatcherForTests } from "@/lib/analysis/request";
import { AppError } from "@/lib/errors";
import { testBackends, useTestDatabase } from "@/test/db";
import { RecordingDispatcher } from "@/test/recording-dispatcher";

const OWNER = "user-a";
const OTHER = "user-b";

const bloodPressure = {
  type: "object",
  required: ["systolic", "diastolic", "measured_at"],
  properties: {
    systolic: { type: "integer", minimum: 40, maximum: 300 },
    diastolic: { type: "integer", minimum: 20, maximum: 200 },
    measured_at: { type: "string", format: "date-time" },
  },
};

let dispatcher: RecordingDispatcher;
beforeEach(() => {
  dispatcher = new RecordingDispatcher();
  setDispatcherForTests(dispatcher);
});
afterAll(() => setDispatcherForTests(null));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

for (const backend of testBackends()) {
  describe(`activities service (${backend.name})`, () => {
    const handle = useTestDatabase(backend);

    async function rowCounts() {
      const [a] = await handle.db.select({ n: count() }).from(activities);
      const [v] = await handle.db
        .select({ n: count() })
        .from(activitySchemaVersions);
      return { activities: a?.n, versions: v?.n };
    }

    it("creates version 1 with its hash and asks for analysis", async () => {
      const created = await createActivity(handle.db, OWNER, {
        name: "  Blood pressure ",
        description: "Morning reading",
        schema: bloodPressure,
      });

      expect(created.name).toBe("Blood pressure");
      expect(created.schemaVersion).toBe(1);
      expect(created.schemaHash).toMatch(/^[0-9a-f]{64}$/);
      expect(created.processingStatus).toBe("PENDING");
      expect(dispatcher.requests).toEqual([
        expect.objectContaining({
          activityId: created.id,
          userId: OWNER,
          schemaVersion: 1,
          schemaHash: created.schemaHash,
          reason: "created",
        }),
      ]);
      expect(await rowCounts()).toEqual({ activities: 1, versions: 1 });
    });

    it("keeps the activity, NOT_PROCESSED with the reason, when the runner is down", async () => {
      dispatcher.down = true;
      const created = await createActivity(handle.db, OWNER, {
        name: "Run",
        schema: bloodPressure,
      });
      expect(created.processingStatus).toBe("NOT_PROCESSED");
      expect(created.processingError).toMatch(/not answering/);
      expect(await rowCounts()).toEqual({ activities: 1, versions: 1 });
    });

    const invalid: [string, unknown, RegExp][] = [
      ["an empty name", { name: " ", schema: {} }, /name/i],
      [
        "a schema whose type is a number",
        { name: "X", schema: { type: 12 } },
        /type/,
      ],
      [
        "allOf given as an object",
        { name: "X", schema: { allOf: { type: "string" } } },
        /allOf/,
      ],
      [
        "a 300 KiB schema",
        {
          name: "X",
          schema: { type: "object", description: "x".repeat(300 * 1024) },
        },
        /KiB/,
      ],
      ["a boolean schema", { name: "X", schema: true }, /boolean/],
      ["no schema at all", { name: "X" }, /schema/i],
    ];
    for (const [what, input, message] of invalid) {
      it(`refuses ${what} and writes nothing`, async () => {
        const error = await refusal(createActivity(handle.db, OWNER, input));
        expect(error.code).toBe("validation_failed");
        expect(error.message).toMatch(message);
        expect(await rowCounts()).toEqual({ activities: 0, versions: 0 });
        expect(dispatcher.requests).toHaveLength(0);
      });
    }

    it("names the pointer of an invalid schema keyword", async () => {
      const error = await refusal(
        createActivity(handle.db, OWNER, {
          name: "X",
          schema: { type: "object", properties: { age: { minimum: "ten" } } },
        }),
      );
      const details = error.details as { problems: { pointer: string }[] };
      expect(details.problems[0]?.pointer).toBe("/properties/age/minimum");
    });

    it("lists and reads by owner only", async () => {
      const mine = await createActivity(handle.db, OWNER, {
        name: "Mine",
        schema: bloodPressure,
      });
      await createActivity(handle.db, OTHER, {
        name: "Theirs",
        schema: bloodPressure,
      });

      const list = await listOwnedActivities(handle.db, OWNER);
      expect(list.map((row) => row.name)).toEqual(["Mine"]);
      const error = await refusal(
        getOwnedActivity(handle.db, { id: mine.id, userId: OTHER }),
      );
      expect(error.code).toBe("not_found");
    });

    it("a changed schema is a new version with a new hash, analysed again", async () => {
      const created = await createActivity(handle.db, OWNER, {
        name: "BP",
        schema: bloodPressure,
      });
      const owned = { id: created.id, userId: OWNER };
      const next = {
        ...bloodPressure,
        properties: { ...bloodPressure.properties, pulse: { type: "integer" } },
      };

      const updated = await updateActivity(handle.db, owned, { schema: next });
      expect(updated.schemaVersion).toBe(2);
      expect(updated.schemaHash).not.toBe(created.schemaHash);
      expect(updated.processingStatus).toBe("PENDING");
      expect(dispatcher.requests.map((r) => r.schemaVersion)).toEqual([1, 2]);

      const versions = await listVersions(handle.db, owned);
      expect(versions.map((v) => v.version)).toEqual([2, 1]);
    });

    it("the same schema with keys reordered is not a new version", async () => {
      const created = await createActivity(handle.db, OWNER, {
        name: "BP",
        schema: bloodPressure,
      });
      const reordered = {
        properties: bloodPressure.properties,
        required: bloodPressure.required,
        type: "object",
      };
      const updated = await updateActivity(
        handle.db,
        { id: created.id, userId: OWNER },
        { schema: reordered, name: "Blood pressure" },
      );
      expect(updated.schemaVersion).toBe(1);
      expect(updated.name).toBe("Blood pressure");
      expect(dispatcher.requests).toHaveLength(1);
    });

    it("keeps the schema's property order as written, through every read", async () => {
      // jsonb alone would hand these back shortest key first.
      const written = {
        title: "Workout",
        type: "object",
        properties: {
          when: { type: "string", format: "date-time" },
          kind: { type: "string" },
          duration_minutes: { type: "integer" },
          effort: { type: "integer", minimum: 1, maximum: 10 },
          notes: { type: "string" },
        },
      };
      const keys = (schema: unknown) =>
        Object.keys((schema as typeof written).properties);
      const created = await createActivity(handle.db, OWNER, {
        name: "Workout",
        schema: written,
      });
      const changed = {
        ...written,
        properties: { ...written.properties, place: { type: "string" } },
      };
      await updateActivity(
        handle.db,
        { id: created.id, userId: OWNER },
        {
          schema: changed,
        },
      );

      const read = await getOwnedActivity(handle.db, {
        id: created.id,
        userId: OWNER,
      });
      const [listed] = await listOwnedActivities(handle.db, OWNER);
      const versions = await listVersions(handle.db, {
        id: created.id,
        userId: OWNER,
      });

      expect(Object.keys(created.activitySchema as object)).toEqual(
        Object.keys(written),
      );
      expect(keys(read.activitySchema)).toEqual([...keys(written), "place"]);
      expect(keys(listed?.activitySchema)).toEqual(keys(read.activitySchema));
      expect(versions.map((v) => keys(v.schema))).toEqual([
        [...keys(written), "place"],
        keys(written),
      ]);
    });

    it("an invalid schema change is refused and changes nothing", async () => {
      const created = await createActivity(handle.db, OWNER, {
        name: "BP",
        schema: bloodPressure,
      });
      const owned = { id: created.id, userId: OWNER };
      await refusal(
        updateActivity(handle.db, owned, { schema: { allOf: {} } }),
      );
      const after = await getOwnedActivity(handle.db, owned);
      expect(after.schemaVersion).toBe(1);
      expect(after.activitySchema).toEqual(bloodPressure);
    });

    it("adds entries that fit the schema and refuses those that do not", async () => {
      const created = await createActivity(handle.db, OWNER, {
        name: "BP",
        schema: bloodPressure,
      });
      const owned = { id: created.id, userId: OWNER };
      const good = {
        systolic: 120,
        diastolic: 80,
        measured_at: "2026-12-01T08:00:00Z",
      };
      await addEntry(handle.db, owned, { data: good });

      const error = await refusal(
        addEntry(handle.db, owned, { data: { ...good, systolic: 900 } }),
      );
      expect(error.code).toBe("validation_failed");
      expect(error.message).toMatch(/\/systolic/);

      const entries = await listOwnedEntries(handle.db, owned);
      expect(entries.map((e) => e.data)).toEqual([good]);
    });

    it("deleting an activity deletes its entries and versions", async () => {
      const created = await createActivity(handle.db, OWNER, {
        name: "BP",
        schema: bloodPressure,
      });
      const owned = { id: created.id, userId: OWNER };
      await addEntry(handle.db, owned, {
        data: {
          systolic: 110,
          diastolic: 70,
          measured_at: "2026-12-02T09:00:00Z",
        },
      });
      await deleteActivity(handle.db, owned);
      expect(await rowCounts()).toEqual({ activities: 0, versions: 0 });
      const [left] = await handle.db
        .select({ n: count() })
        .from(activityEntries);
      expect(left?.n).toBe(0);
      expect(dispatcher.cancelled).toEqual([created.id]);
    });

    describe("every status transition against the database", () => {
      for (const from of PROCESSING_STATUSES) {
        for (const to of PROCESSING_STATUSES) {
          const legal = canTransition(from, to);
          it(`${from} → ${to} ${legal ? "applies" : "is refused"}`, async () => {
            const created = await createActivity(handle.db, OWNER, {
              name: "T",
              schema: bloodPressure,
            });
            const owned = { id: created.id, userId: OWNER };
            await handle.db
              .update(activities)
              .set({ processingStatus: from })
              .where(eq(activities.id, created.id));

            if (legal) {
              const moved = await changeStatus(handle.db, owned, to);
              expect(moved.processingStatus).toBe(to);
            } else {
              await expect(changeStatus(handle.db, owned, to)).rejects.toThrow(
                IllegalTransitionError,
              );
              const row = await getOwnedActivity(handle.db, owned);
              expect(row.processingStatus).toBe(from);
            }
          });
        }
      }

      it("a compare-and-set on an old schema version writes nothing", async () => {
        const created = await createActivity(handle.db, OWNER, {
          name: "T",
          schema: bloodPressure,
        });
        const owned = { id: created.id, userId: OWNER };
        await changeStatus(handle.db, owned, "PROCESSING");
        const stale = await moveStatus(handle.db, owned, "COMPLETED", {
          schemaVersion: 7,
        });
        expect(stale).toBeNull();
      });
    });
  });
}
