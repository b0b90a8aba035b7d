import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activities, activityEntries } from "@/db/schema";
import {
  addEntryForm,
  createActivityForm,
  updateActivityForm,
} from "@/lib/activities/form-actions";
import { createActivity } from "@/lib/activities/service";
import { currentUserId } from "@/lib/auth";
import { useAppHarness } from "@/test/api";
import { testBackends, useTestDatabase } from "@/test/db";

const schema = {
  type: "object",
  required: ["title"],
  properties: {
    title: { type: "string", maxLength: 80 },
    pages: { type: "integer", minimum: 1 },
  },
};

/**
 * The activity page's server actions, run as the signed-in person of a
 * cookie: they answer state, never throw, and act for that person only.
 */
describe.each(testBackends())("form actions on $name", (backend) => {
  const handle = useTestDatabase(backend);
  const { signUp } = useAppHarness(handle);

  async function person(name: string) {
    const headers = new Headers({ cookie: await signUp(name) });
    return { headers, userId: await currentUserId(headers) };
  }

  async function counts() {
    const [a] = await handle.db.select({ n: count() }).from(activities);
    const [e] = await handle.db.select({ n: count() }).from(activityEntries);
    return { activities: a?.n, entries: e?.n };
  }

  function formOf(values: Record<string, string>): FormData {
    const form = new FormData();
    for (const [key, value] of Object.entries(values)) form.set(key, value);
    return form;
  }

  it("creates an activity from the New activity form and answers its id", async () => {
    const ada = await person("Ada");

    const answer = await createActivityForm(
      ada.headers,
      formOf({
        name: "Books",
        description: "",
        schema: JSON.stringify(schema),
      }),
    );

    expect(answer).toEqual({ id: expect.any(String) });
    const [row] = await handle.db.select().from(activities);
    expect(row).toMatchObject({ name: "Books", userId: ada.userId });
  });

  it("answers a broken schema with the line of the problem and the values typed", async () => {
    const ada = await person("Ada");
    const text = '{\n  "type": "object",\n  "allOf": {"type": "string"}\n}';

    // Browsers send a form's line breaks as CRLF.
    const answer = await createActivityForm(
      ada.headers,
      formOf({
        name: "Books",
        description: "Mine",
        schema: text.replaceAll("\n", "\r\n"),
      }),
    );

    expect("state" in answer && answer.state).toMatchObject({
      status: "error",
      problems: [expect.objectContaining({ pointer: "/allOf", line: 3 })],
      values: { name: "Books", description: "Mine", schema: text },
    });
    expect(await counts()).toEqual({ activities: 0, entries: 0 });
  });

  it("answers a signed-out visitor of the New activity form with state, not a throw", async () => {
    const answer = await createActivityForm(
      new Headers(),
      formOf({
        name: "Books",
        description: "",
        schema: JSON.stringify(schema),
      }),
    );

    expect("state" in answer && answer.state.message).toBe(
      "Sign in to continue.",
    );
    expect(await counts()).toEqual({ activities: 0, entries: 0 });
  });

  it("saves a fitting entry and answers field problems for one that breaks the schema", async () => {
    const ada = await person("Ada");
    const created = await createActivity(handle.db, ada.userId, {
      name: "Books",
      schema,
    });

    const saved = await addEntryForm(ada.headers, created.id, {
      data: { title: "Dune", pages: 412 },
    });
    const broken = await addEntryForm(ada.headers, created.id, {
      data: { pages: 0 },
    });

    expect(saved).toMatchObject({
      ok: true,
      value: { data: { title: "Dune" } },
    });
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.error.code).toBe("validation_failed");
    expect(JSON.stringify(broken.error.details)).toContain("/title");
    expect(JSON.stringify(broken.error.details)).toContain("/pages");
    expect(await counts()).toEqual({ activities: 1, entries: 1 });
  });

  it("answers an invalid schema edit with its problems and changes nothing", async () => {
    const ada = await person("Ada");
    const created = await createActivity(handle.db, ada.userId, {
      name: "Books",
      schema,
    });

    const answer = await updateActivityForm(ada.headers, created.id, {
      name: "",
      schema: { type: "object", properties: { pages: { minimum: "one" } } },
    });

    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe("validation_failed");
    expect(answer.error.details).toMatchObject({
      fieldErrors: { name: [expect.any(String)] },
    });
    const [row] = await handle.db.select().from(activities);
    expect(row).toMatchObject({ name: "Books", schemaVersion: 1 });
  });

  it("renames and re-versions an activity for its owner", async () => {
    const ada = await person("Ada");
    const created = await createActivity(handle.db, ada.userId, {
      name: "Books",
      schema,
    });
    const changed = {
      ...schema,
      properties: { ...schema.properties, rating: { type: "integer" } },
    };

    const answer = await updateActivityForm(ada.headers, created.id, {
      name: "Reading",
      schema: changed,
    });

    expect(answer).toMatchObject({
      ok: true,
      value: { name: "Reading", schemaVersion: 2, status: "PENDING" },
    });
  });

  it("answers another person's activity like a missing one, and keeps it", async () => {
    const ada = await person("Ada");
    const bob = await person("Bob");
    const created = await createActivity(handle.db, ada.userId, {
      name: "Books",
      schema,
    });

    const renamed = await updateActivityForm(bob.headers, created.id, {
      name: "Bob's now",
    });
    const added = await addEntryForm(bob.headers, created.id, {
      data: { title: "Sneaky" },
    });

    for (const answer of [renamed, added]) {
      expect(answer).toEqual({
        ok: false,
        error: {
          code: "not_found",
          message: "No activity with that id.",
          details: null,
        },
      });
    }
    const [row] = await handle.db.select().from(activities);
    expect(row?.name).toBe("Books");
    expect(await counts()).toEqual({ activities: 1, entries: 0 });
  });

  it("asks a signed-out visitor to sign in", async () => {
    const answer = await addEntryForm(new Headers(), crypto.randomUUID(), {
      data: { title: "Dune" },
    });

    expect(answer).toMatchObject({
      ok: false,
      error: { code: "unauthorized", message: "Sign in to continue." },
    });
  });
});
