import { describe, expect, it } from "vitest";
import { RJSF_WIDGETS } from "@/lib/render";
import {
  RenderSuggestion,
  TOOL_NAME,
  UI_WIDGETS,
  draftFromSuggestion,
  suggestRenderTool,
} from "@/lib/ai/tool-schema";

type Node = Record<string, unknown>;

/** Every object schema in the tree, with where it sits. */
function objectSchemas(node: unknown, at = "#"): [string, Node][] {
  if (typeof node !== "object" || node === null) return [];
  if (Array.isArray(node)) {
    return node.flatMap((child, i) => objectSchemas(child, `${at}/${i}`));
  }
  const record = node as Node;
  const here: [string, Node][] =
    record.type === "object" || "properties" in record ? [[at, record]] : [];
  const children = Object.entries(record).flatMap(([key, value]) =>
    objectSchemas(value, `${at}/${key}`),
  );
  return [...here, ...children];
}

const baseSuggestion: RenderSuggestion = {
  rationale: "Runs compare well in a table.",
  renderType: "table",
  layout: {
    type: "table",
    columns: [
      { field: "/date", label: "Date", format: "date", width: "narrow" },
    ],
    defaultSort: { field: "/date", direction: "desc" },
    groupBy: null,
  },
  fieldGroups: [],
  uiHints: [],
  alternatives: [],
};

describe("the suggest_render tool", () => {
  it("is a strict function tool named suggest_render", () => {
    expect(suggestRenderTool.type).toBe("function");
    expect(suggestRenderTool.function.name).toBe(TOOL_NAME);
    expect(suggestRenderTool.function.strict).toBe(true);
  });

  it("closes every object and requires every property", () => {
    const objects = objectSchemas(suggestRenderTool.function.parameters);

    // root, 4 layouts, section, column, sort, group, hint, alternative
    expect(objects.length).toBeGreaterThanOrEqual(11);
    for (const [at, schema] of objects) {
      const keys = Object.keys((schema.properties as Node) ?? {});
      expect(schema.additionalProperties, at).toBe(false);
      expect([...((schema.required as string[]) ?? [])].sort(), at).toEqual(
        keys.sort(),
      );
    }
  });

  it("offers optional values as nullable, not as optional", () => {
    const params = suggestRenderTool.function.parameters as Node;
    const props = params.properties as Record<string, Node>;
    const hint = (props.uiHints?.items as Node).properties as Node;

    expect(hint.widget).toMatchObject({
      anyOf: [{ type: "string" }, { type: "null" }],
    });
    expect(Object.keys(props)).toEqual([
      "rationale",
      "renderType",
      "layout",
      "fieldGroups",
      "uiHints",
      "alternatives",
    ]);
  });
});

describe("a timeline suggestion", () => {
  const timeline: RenderSuggestion = {
    ...baseSuggestion,
    renderType: "timeline",
    layout: {
      type: "timeline",
      dateField: "/measuredAt",
      endDateField: null,
      titleField: "/arm",
      descriptionField: null,
      groupByField: null,
      detailFields: ["/systolic", "/diastolic"],
    },
  };

  it("requires detailFields as a list of pointers in the tool", () => {
    const params = suggestRenderTool.function.parameters as Node;
    const timelineLayout = objectSchemas(params).find(
      ([, schema]) =>
        (schema.properties as Record<string, Node>).type?.const === "timeline",
    )?.[1];
    const props = timelineLayout?.properties as Record<string, Node>;

    expect(timelineLayout?.required).toContain("detailFields");
    expect(props.detailFields).toMatchObject({
      type: "array",
      items: { type: "string" },
    });
  });

  it("keeps detailFields, empty or not, in the draft", () => {
    expect(RenderSuggestion.parse(timeline)).toEqual(timeline);
    expect(draftFromSuggestion(timeline).draft.layout).toEqual(timeline.layout);
    const none = { ...timeline.layout, detailFields: [] };
    expect(
      draftFromSuggestion({ ...timeline, layout: none }).draft.layout,
    ).toEqual(none);
  });
});

describe("draftFromSuggestion", () => {
  it("folds hints into a nested RJSF uiSchema, array items under items", () => {
    const { draft, problems } = draftFromSuggestion({
      ...baseSuggestion,
      uiHints: [
        {
          pointer: "/notes",
          widget: "textarea",
          placeholder: "How did it feel?",
          help: null,
          options_json: '{"rows":4}',
        },
        {
          pointer: "/splits/-/pace",
          widget: null,
          placeholder: "5:30",
          help: "Minutes per km",
          options_json: null,
        },
      ],
    });

    expect(problems).toEqual([]);
    expect(draft.uiSchema).toEqual({
      notes: {
        "ui:widget": "textarea",
        "ui:placeholder": "How did it feel?",
        "ui:options": { rows: 4 },
      },
      splits: {
        items: {
          pace: { "ui:placeholder": "5:30", "ui:help": "Minutes per km" },
        },
      },
    });
    expect(draft).not.toHaveProperty("uiHints");
  });

  it("reports options_json that is not a JSON object as a problem", () => {
    const hint = {
      widget: null,
      placeholder: null,
      help: null,
    };
    const { problems } = draftFromSuggestion({
      ...baseSuggestion,
      uiHints: [
        { ...hint, pointer: "/notes", options_json: "{rows: 4" },
        { ...hint, pointer: "/date", options_json: '{"deep":{"x":1}}' },
        { ...hint, pointer: "date", options_json: null },
      ],
    });

    expect(problems).toEqual([
      "uiHints[0] (/notes): options_json is not valid JSON",
      "uiHints[1] (/date): options_json must be a JSON object of short " +
        "strings, numbers, booleans or lists of them",
      'uiHints[2] (date): "date" is not a JSON Pointer',
    ]);
  });

  it("puts hints of a list-of-entries schema under items", () => {
    const { draft } = draftFromSuggestion(
      {
        ...baseSuggestion,
        uiHints: [
          {
            pointer: "/title",
            widget: "textarea",
            placeholder: null,
            help: null,
            options_json: null,
          },
        ],
      },
      "list",
    );

    expect(draft.uiSchema).toEqual({
      items: { title: { "ui:widget": "textarea" } },
    });
  });

  it("offers only widgets RJSF registers", () => {
    expect(UI_WIDGETS.filter((w) => !RJSF_WIDGETS.has(w))).toEqual([]);
  });

  it("keeps a field named __proto__ as a plain key", () => {
    const { draft } = draftFromSuggestion({
      ...baseSuggestion,
      uiHints: [
        {
          pointer: "/__proto__",
          widget: "hidden",
          placeholder: null,
          help: null,
          options_json: null,
        },
      ],
    });

    expect(Object.getPrototypeOf(draft.uiSchema)).toBe(Object.prototype);
    expect(
      Object.getOwnPropertyDescriptor(draft.uiSchema, "__proto__"),
    ).toMatchObject({ value: { "ui:widget": "hidden" } });
  });
});
