import { describe, expect, it } from "vitest";
import { analyzeWithRules, renderFor, RULES_ANALYZER_VERSION } from "./analyze";
import { checkRender } from "./check-render";
import { ownSchema } from "./test-support/schemas";
import type { UiSchema } from "./types";

function object(properties: Record<string, unknown>, required: string[] = []) {
  return { type: "object", properties, required };
}

const text = { type: "string", maxLength: 60 };

describe("choosing a render type", () => {
  it("a started_at date-time makes timeline the suggestion", () => {
    const render = analyzeWithRules(
      object({
        activity: text,
        started_at: { type: "string", format: "date-time" },
        minutes: { type: "integer" },
        calories: { type: "number" },
      }),
    );
    expect(render.renderType).toBe("timeline");
    expect(render.layout).toMatchObject({
      dateField: "/started_at",
      titleField: "/activity",
    });
    expect(render.rationale).toContain("“Started at”");
  });

  it("four short scalars make a table", () => {
    const render = analyzeWithRules(
      object({
        systolic: { type: "integer" },
        diastolic: { type: "integer" },
        pulse: { type: "integer" },
        arm: { enum: ["left", "right"] },
      }),
    );
    expect(render.renderType).toBe("table");
    expect(
      render.layout.type === "table" && render.layout.columns,
    ).toHaveLength(4);
    expect(render.rationale).toContain("4 short values");
  });

  it("an image url and a title make cards", () => {
    const render = analyzeWithRules(
      object({
        title: text,
        image_url: { type: "string", format: "uri" },
        summary: { type: "string", maxLength: 2000 },
      }),
    );
    expect(render.renderType).toBe("cards");
    expect(render.layout).toMatchObject({
      titleField: "/title",
      imageField: "/image_url",
      bodyFields: ["/summary"],
    });
  });

  it("a link with a title and a text makes cards, without a picture", () => {
    const render = analyzeWithRules(
      object(
        {
          title: text,
          url: { type: "string", format: "uri" },
          summary: { type: "string", maxLength: 2000 },
        },
        ["title", "url"],
      ),
    );
    expect(render.renderType).toBe("cards");
    expect(render.layout).toMatchObject({ titleField: "/title" });
    expect(render.rationale).toContain("a link to “Url”");
  });

  it("a link alone beside short values still reads as a table", () => {
    const render = analyzeWithRules(
      object({
        title: text,
        url: { type: "string", format: "uri" },
        rating: { type: "integer", minimum: 1, maximum: 5 },
        tag: { enum: ["news", "howto"] },
      }),
    );
    expect(render.renderType).toBe("table");
  });

  it("many fields and long text make a form", () => {
    const properties: Record<string, unknown> = {
      notes: { type: "string", maxLength: 5000 },
      story: { type: "string", maxLength: 5000 },
    };
    for (let i = 1; i <= 18; i++)
      properties[`measure_${i}`] = { type: "number" };
    const render = analyzeWithRules(object(properties));
    expect(render.renderType).toBe("form");
    expect(render.rationale).toContain("long text");
  });

  it("nested objects and conditional fields make a form", () => {
    const render = analyzeWithRules({
      ...object({
        kind: { enum: ["a", "b"] },
        address: object({ street: text, city: text }),
      }),
      if: { properties: { kind: { const: "a" } } },
      then: { properties: { extra: text } },
    });
    expect(render.renderType).toBe("form");
    expect(render.rationale).toContain("Address");
    expect(render.rationale).toContain("condition");
  });

  it("a date of birth does not place entries on a timeline", () => {
    const result = renderFor(
      object({ name: text, birth_date: { type: "string", format: "date" } }),
      "timeline",
    );
    expect(result.ok && result.render.layout).toMatchObject({
      type: "timeline",
      dateField: null,
    });
  });

  it("lists the other workable types as alternatives, with reasons", () => {
    const render = analyzeWithRules(ownSchema("reading-log"));
    expect(render.renderType).toBe("cards");
    expect(render.alternatives.map((a) => a.renderType)).toEqual([
      "timeline",
      "table",
      "form",
    ]);
    expect(render.alternatives[0]?.reason).toContain("Finished on");
  });

  it("six short values outweigh a weakly named date (an expense)", () => {
    const render = analyzeWithRules(ownSchema("expense"));
    expect(render.source).toEqual({
      analyzer: "rules",
      version: RULES_ANALYZER_VERSION,
      model: null,
    });
    expect(render.renderType).toBe("table");
    expect(render.alternatives[0]?.renderType).toBe("timeline");
    expect(render.layout).toMatchObject({
      defaultSort: { field: "/spent_on", direction: "desc" },
    });
  });

  it("shows a scalar root as a one-field form", () => {
    const render = analyzeWithRules(ownSchema("scalar-root"));
    expect(render.layout).toEqual({
      type: "form",
      columns: 1,
      sections: [
        { title: "Body weight (kg)", description: null, fields: [""] },
      ],
    });
    expect(render.uiSchema).toEqual({ "ui:widget": "updown" });
  });

  it("shows an array of objects as a list of entries", () => {
    const render = analyzeWithRules(ownSchema("array-root"));
    expect(render.renderType).toBe("timeline");
    expect(render.layout).toMatchObject({ dateField: "/eaten_at" });
    expect(render.uiSchema).toEqual({
      items: {
        "ui:order": ["name", "eaten_at", "kcal", "*"],
        eaten_at: { "ui:widget": "datetime" },
      },
    });
  });
});

describe("renderFor", () => {
  it("gives the best render of a pinned type", () => {
    const result = renderFor(ownSchema("workout"), "table");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.render.renderType).toBe("table");
    expect(checkRender(ownSchema("workout"), result.render)).toEqual([]);
  });

  it("places entries without a date field by when they were logged", () => {
    const schema = ownSchema("blood-pressure");
    const result = renderFor(schema, "timeline");
    if (!result.ok) throw new Error(result.reason);
    expect(result.render.layout).toMatchObject({
      dateField: null,
      endDateField: null,
      titleField: expect.any(String),
    });
    expect(checkRender(schema, result.render)).toEqual([]);

    const suggested = analyzeWithRules(schema);
    expect(suggested.renderType).not.toBe("timeline");
    const timeline = suggested.alternatives.find(
      (a) => a.renderType === "timeline",
    );
    expect(timeline?.reason ?? "").toContain("when they were logged");
  });

  it("says why a timeline cannot title entries that hold only long text", () => {
    const result = renderFor(
      object({ notes: { type: "string", maxLength: 20_000 } }),
      "timeline",
    );
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining("No short value can title"),
    });
  });
});

describe("field groups", () => {
  it("groups systolic with diastolic and a value with its unit", () => {
    const render = analyzeWithRules(
      object({
        systolic: { type: "integer" },
        diastolic: { type: "integer" },
        weight: { type: "number" },
        weight_unit: { enum: ["kg", "lb"] },
      }),
    );
    expect(render.fieldGroups).toEqual([
      { title: "Blood pressure", fields: ["/systolic", "/diastolic"] },
      { title: "Weight", fields: ["/weight", "/weight_unit"] },
    ]);
  });

  it("groups start and end times and an object's fields", () => {
    const render = analyzeWithRules(
      object({
        shift: object({
          start_time: { type: "string", format: "time" },
          end_time: { type: "string", format: "time" },
        }),
      }),
    );
    expect(render.fieldGroups).toEqual([
      { title: "Period", fields: ["/shift/start_time", "/shift/end_time"] },
    ]);
  });
});

describe("the uiSchema", () => {
  function uiOf(properties: Record<string, unknown>, required?: string[]) {
    return analyzeWithRules(object(properties, required)).uiSchema;
  }

  it("an enum of 3 values becomes radio, of 6 a select", () => {
    const ui = uiOf({
      few: { enum: ["a", "b", "c"] },
      many: { enum: ["a", "b", "c", "d", "e", "f"] },
    });
    expect(ui.few).toEqual({ "ui:widget": "radio" });
    expect(ui.many).toEqual({ "ui:widget": "select" });
  });

  it("picks widgets by format and bounds", () => {
    const ui = uiOf({
      day: { type: "string", format: "date" },
      at: { type: "string", format: "date-time" },
      mail: { type: "string", format: "email" },
      link: { type: "string", format: "uri" },
      shade: { type: "string", format: "color" },
      done: { type: "boolean" },
      effort: { type: "integer", minimum: 1, maximum: 10, default: 5 },
      mood: { type: "integer", minimum: 1, maximum: 5 },
      grams: { type: "number", minimum: 0, maximum: 5000 },
      free: { type: "number" },
    });
    const widgets = Object.fromEntries(
      Object.entries(ui)
        .filter(([key]) => !key.startsWith("ui:"))
        .map(([key, value]) => [key, (value as UiSchema)["ui:widget"]]),
    );
    expect(widgets).toEqual({
      day: "date",
      at: "datetime",
      mail: "email",
      link: "uri",
      shade: "color",
      done: "checkbox",
      // A slider needs a value to sit at; without a default, up-down.
      effort: "range",
      mood: "updown",
      grams: "updown",
    });
  });

  it("uses a textarea for long text, help and placeholder", () => {
    const ui = uiOf({
      story: {
        type: "string",
        maxLength: 500,
        description: "What happened",
        examples: ["We went up the hill"],
      },
    });
    expect(ui.story).toEqual({
      "ui:widget": "textarea",
      "ui:options": { rows: 5 },
      "ui:help": "What happened",
      "ui:placeholder": "We went up the hill",
    });
  });

  it("orders required fields first and nests objects and array items", () => {
    const ui = analyzeWithRules(ownSchema("workout")).uiSchema;
    expect(ui["ui:order"]).toEqual(["date", "exercise", "sets", "notes", "*"]);
    expect(ui.sets).toEqual({
      items: {
        "ui:order": ["reps", "weight_kg", "*"],
        reps: { "ui:widget": "updown" },
      },
    });
  });

  it("leaves conditional fields out of ui:order", () => {
    const ui = analyzeWithRules(ownSchema("conditional")).uiSchema;
    expect(ui["ui:order"]).toEqual(["mode", "minutes", "*"]);
    expect(ui.ticket).toEqual({ "ui:widget": "checkbox" });
  });

  it("puts no widget on a oneOf [X, null] field", () => {
    const ui = analyzeWithRules(ownSchema("nullable")).uiSchema;
    expect(ui.quality).toBeUndefined();
    expect(ui.hours).toBeUndefined();
  });
});

describe("table column labels", () => {
  it("a title that already names its unit does not repeat it", () => {
    const result = renderFor(
      object({
        distance_km: { type: "number", title: "Distance (km)" },
        weight_kg: { type: "number" },
      }),
      "table",
    );
    expect(result.ok).toBe(true);
    if (!result.ok || result.render.layout.type !== "table") return;
    const labels = result.render.layout.columns.map((c) => c.label);
    expect(labels).toEqual(["Distance (km)", "Weight (kg)"]);
  });
});

describe("a blood pressure reading on a timeline and in a table", () => {
  const reading = {
    measuredAt: { type: "string", format: "date-time", title: "Measured at" },
    systolic: { type: "integer", title: "Systolic (mmHg)" },
    diastolic: { type: "integer", title: "Diastolic (mmHg)" },
    pulse: { type: "integer", title: "Pulse (bpm)" },
    arm: { type: "string", title: "Arm", enum: ["left", "right"] },
    notes: { type: "string", title: "Notes", maxLength: 1000 },
  };
  const required = ["measuredAt", "systolic", "diastolic"];

  function timelineOf(properties: Record<string, unknown>) {
    const result = renderFor(object(properties, required), "timeline");
    if (!result.ok || result.render.layout.type !== "timeline") {
      throw new Error("expected a timeline");
    }
    return result.render;
  }

  it("titles items by free text rather than by an enum", () => {
    const render = timelineOf({ ...reading, place: text });
    expect(render.layout).toMatchObject({
      titleField: "/place",
      descriptionField: "/notes",
      detailFields: ["/systolic", "/diastolic", "/pulse", "/arm"],
    });
  });

  it("a required choice titles items before free text that is optional", () => {
    const properties = {
      when: { type: "string", format: "date-time" },
      kind: { type: "string", enum: ["run", "ride", "swim"] },
      duration_minutes: { type: "integer" },
      location: text,
    };
    const result = renderFor(object(properties, ["when", "kind"]), "timeline");
    expect(result.ok && result.render.layout).toMatchObject({
      titleField: "/kind",
    });
  });

  it("titled by the enum alone, the details carry the numbers", () => {
    const render = timelineOf(reading);
    expect(render.layout).toMatchObject({
      dateField: "/measuredAt",
      titleField: "/arm",
      detailFields: ["/systolic", "/diastolic", "/pulse"],
    });
    expect(checkRender(object(reading, required), render)).toEqual([]);
  });

  it("an id is neither title nor detail, even as the only free text", () => {
    const render = timelineOf({ ...reading, reading_id: text });
    expect(render.layout).toMatchObject({
      titleField: "/arm",
      detailFields: ["/systolic", "/diastolic", "/pulse"],
    });
  });

  it("with numbers only, one titles the item and the rest are details", () => {
    const { arm: _arm, notes: _notes, ...numbers } = reading;
    expect(timelineOf(numbers).layout).toMatchObject({
      titleField: "/systolic",
      detailFields: ["/diastolic", "/pulse"],
    });
  });

  it("does not repeat a category that titles the item as its badge", () => {
    const render = timelineOf({
      measuredAt: reading.measuredAt,
      kind: { type: "string", enum: ["home", "clinic"] },
      systolic: reading.systolic,
    });
    expect(render.layout).toMatchObject({
      titleField: "/kind",
      groupByField: null,
      detailFields: ["/systolic"],
    });
  });

  it("table columns: the date, then required measurements, then the rest", () => {
    const result = renderFor(object(reading, required), "table");
    if (!result.ok || result.render.layout.type !== "table") {
      throw new Error("expected a table");
    }
    const { columns, defaultSort } = result.render.layout;
    expect(columns.map((c) => c.field)).toEqual([
      "/measuredAt",
      "/systolic",
      "/diastolic",
      "/pulse",
      "/arm",
    ]);
    expect(defaultSort).toEqual({ field: "/measuredAt", direction: "desc" });
  });

  it("table columns: required measurements before required choices", () => {
    const result = renderFor(
      object(
        {
          name: text,
          kind: { enum: ["run", "ride"] },
          done: { type: "boolean" },
          distance_km: { type: "number" },
          on: { type: "string", format: "date" },
        },
        ["kind", "done", "distance_km", "name"],
      ),
      "table",
    );
    if (!result.ok || result.render.layout.type !== "table") {
      throw new Error("expected a table");
    }
    expect(result.render.layout.columns.map((c) => c.field)).toEqual([
      "/on",
      "/name",
      "/distance_km",
      "/kind",
      "/done",
    ]);
  });
});
