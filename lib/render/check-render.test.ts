import { describe, expect, it } from "vitest";
import { analyzeWithRules } from "./analyze";
import { checkRender } from "./check-render";
import { ownSchema } from "./test-support/schemas";
import type { SchemaRender } from "./types";

const workout = ownSchema("workout");
const base = analyzeWithRules(workout);

function withChanges(changes: Partial<SchemaRender>): SchemaRender {
  return { ...base, ...changes } as SchemaRender;
}

describe("checkRender", () => {
  it("accepts the rules analyser's own render", () => {
    expect(base.renderType).toBe("timeline");
    expect(checkRender(workout, base)).toEqual([]);
  });

  it("names a pointer that is not a field", () => {
    const render = withChanges({
      fieldGroups: [{ title: "Odd", fields: ["/date", "/nope"] }],
    });
    expect(checkRender(workout, render)).toEqual([
      {
        path: "/fieldGroups/0/fields/1",
        message: '"/nope" is not a field of the schema',
      },
    ]);
  });

  it("refuses a timeline dated by a text field", () => {
    const render = withChanges({
      layout: {
        type: "timeline",
        dateField: "/exercise",
        endDateField: null,
        titleField: "/exercise",
        descriptionField: null,
        groupByField: null,
        detailFields: [],
      },
    });
    expect(checkRender(workout, render)).toEqual([
      {
        path: "/layout/dateField",
        message: '"/exercise" is a text field, not a date or date-time string',
      },
    ]);
  });

  describe("timeline detail fields", () => {
    function withDetails(detailFields: string[]): SchemaRender {
      return withChanges({
        layout: {
          type: "timeline",
          dateField: "/date",
          endDateField: null,
          titleField: "/exercise",
          descriptionField: null,
          groupByField: null,
          detailFields,
        },
      });
    }

    it("accepts details the item does not already show", () => {
      // The workout's sets are summarised on each item.
      expect(base.layout).toMatchObject({ detailFields: ["/sets"] });
      expect(checkRender(workout, withDetails(["/notes"]))).toEqual([]);
    });

    it("refuses a detail field that does not exist", () => {
      expect(checkRender(workout, withDetails(["/weight"]))).toEqual([
        {
          path: "/layout/detailFields/0",
          message: '"/weight" is not a field of the schema',
        },
      ]);
    });

    it("refuses a detail field inside an array", () => {
      expect(checkRender(workout, withDetails(["/sets/-/reps"]))).toEqual([
        {
          path: "/layout/detailFields/0",
          message: '"/sets/-/reps" is inside an array, so an entry has many',
        },
      ]);
    });

    it("refuses a detail field that is not a single value", () => {
      const schema = {
        type: "object",
        properties: {
          date: { type: "string", format: "date" },
          exercise: { type: "string" },
          gym: { type: "object", properties: { city: { type: "string" } } },
        },
      };
      const problems = checkRender(schema, withDetails(["/gym"]));
      expect(problems.filter((p) => p.path.startsWith("/layout"))).toEqual([
        {
          path: "/layout/detailFields/0",
          message: '"/gym" is an object field, not a single value',
        },
      ]);
    });

    it("refuses a detail that repeats the title or another detail", () => {
      const render = withDetails(["/exercise", "/notes", "/notes"]);
      expect(checkRender(workout, render)).toEqual([
        {
          path: "/layout/detailFields/0",
          message: '"/exercise" is already shown in the item',
        },
        {
          path: "/layout/detailFields/2",
          message: '"/notes" is already shown in the item',
        },
      ]);
    });

    it("refuses more than four", () => {
      const render = withDetails(["/a", "/b", "/c", "/d", "/e"]);
      expect(checkRender(workout, render).map((p) => p.path)).toEqual([
        "/layout/detailFields",
      ]);
    });

    it("accepts a timeline saved before detail fields existed", () => {
      const { detailFields: _details, ...saved } = withDetails([]).layout as {
        detailFields: string[];
      };
      const render = { ...base, layout: saved } as SchemaRender;
      expect(checkRender(workout, render)).toEqual([]);
    });
  });

  it("refuses table columns inside arrays or holding objects", () => {
    const render = withChanges({
      renderType: "table",
      layout: {
        type: "table",
        columns: [
          {
            field: "/sets/-/reps",
            label: "Reps",
            format: "integer",
            width: "narrow",
          },
          { field: "/sets/-", label: "Set", format: "json", width: "wide" },
        ],
        defaultSort: null,
        groupBy: null,
      },
    });
    expect(checkRender(workout, render).map((p) => p.path)).toEqual([
      "/layout/columns/0/field",
      "/layout/columns/1/field",
    ]);
  });

  it("refuses a card title that is not text", () => {
    const render = withChanges({
      renderType: "cards",
      layout: {
        type: "cards",
        titleField: "/sets",
        subtitleField: null,
        imageField: null,
        badgeFields: [],
        bodyFields: [],
      },
    });
    expect(checkRender(workout, render)).toEqual([
      {
        path: "/layout/titleField",
        message: '"/sets" is an array field, not text',
      },
    ]);
  });

  it("refuses a renderType that differs from the layout", () => {
    const problems = checkRender(workout, withChanges({ renderType: "form" }));
    expect(problems[0]?.path).toBe("/layout/type");
  });

  it("refuses unknown widgets, stray uiSchema keys and bad orders", () => {
    const render = withChanges({
      uiSchema: {
        "ui:order": ["date", "ghost"],
        date: { "ui:widget": "date-time" },
        sets: { items: { lbs: {} } },
      },
    });
    expect(checkRender(workout, render)).toEqual([
      {
        path: "/uiSchema/ui:order/1",
        message: '"ghost" is not a property here',
      },
      {
        path: "/uiSchema/ui:order",
        message: 'leaves out "exercise" and has no "*"',
      },
      {
        path: "/uiSchema/date/ui:widget",
        message: '"date-time" is not a widget RJSF knows',
      },
      {
        path: "/uiSchema/sets/items/lbs",
        message: '"/sets/-/lbs" is not a field of the schema',
      },
    ]);
  });

  it("refuses a widget that cannot edit its field's type", () => {
    const render = withChanges({
      uiSchema: {
        date: { "ui:widget": "checkbox" },
        exercise: { "ui:widget": "radio" },
        notes: { "ui:widget": "textarea" },
        sets: { items: { reps: { "ui:widget": "date" } } },
      },
    });
    expect(checkRender(workout, render)).toEqual([
      {
        path: "/uiSchema/date/ui:widget",
        message: '"checkbox" cannot edit "/date", a string field',
      },
      {
        path: "/uiSchema/exercise/ui:widget",
        message:
          '"radio" needs values to choose from, and "/exercise" has none',
      },
      {
        path: "/uiSchema/sets/items/reps/ui:widget",
        message: '"date" cannot edit "/sets/-/reps", an integer field',
      },
    ]);
  });

  it("accepts widgets that fit: a range for a bounded integer, updown for a number", () => {
    const render = withChanges({
      uiSchema: {
        sets: {
          items: {
            reps: { "ui:widget": "range" },
            weight_kg: { "ui:widget": "updown" },
          },
        },
      },
    });
    expect(checkRender(workout, render)).toEqual([]);
  });

  it("refuses an order naming a conditional field", () => {
    const schema = ownSchema("conditional");
    const render = analyzeWithRules(schema);
    const bad = {
      ...render,
      uiSchema: { "ui:order": ["mode", "fuel_litres", "*"] },
    };
    expect(checkRender(schema, bad)).toEqual([
      {
        path: "/uiSchema/ui:order/1",
        message: '"fuel_litres" exists only in some cases; place it with "*"',
      },
    ]);
  });

  it("reports an invalid schema instead of checking against it", () => {
    const problems = checkRender(ownSchema("invalid-allof"), base);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("/allOf");
  });
});
