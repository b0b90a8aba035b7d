import { describe, expect, it } from "vitest";
import { HOSTILE_TEXT, hostileSchema } from "@/lib/ai/fixtures/schemas";
import {
  DATA_CLOSE,
  DATA_OPEN,
  SYSTEM_PROMPT,
  buildRepairMessage,
  buildUserMessage,
  type FieldSummary,
} from "@/lib/ai/prompt";

function field(pointer: string, extra: Partial<FieldSummary> = {}) {
  return {
    pointer,
    label: pointer.slice(1),
    type: "string",
    kind: "text",
    format: null,
    unit: null,
    description: null,
    enum: null,
    required: false,
    inArray: false,
    ...extra,
  } satisfies FieldSummary;
}

/** The JSON between the delimiters, parsed. */
function dataOf(user: string): Record<string, unknown> {
  const start = user.indexOf(DATA_OPEN) + DATA_OPEN.length;
  return JSON.parse(user.slice(start, user.lastIndexOf(DATA_CLOSE)));
}

describe("buildUserMessage", () => {
  it("sends the schema, fields and activity as one JSON document", () => {
    const schema = { type: "object", properties: { a: { type: "string" } } };
    const { user, summarised } = buildUserMessage({
      schema,
      fields: [field("/a", { required: true })],
      name: "Reading log",
      description: null,
    });

    expect(summarised).toBe(false);
    expect(dataOf(user)).toEqual({
      activity: { name: "Reading log", description: null },
      notes: [],
      fields: [
        {
          pointer: "/a",
          label: "a",
          type: "string",
          kind: "text",
          required: true,
        },
      ],
      schema,
    });
  });

  it("keeps hostile text inside the data, unable to close it early", () => {
    const { user } = buildUserMessage({
      schema: hostileSchema,
      fields: [field("/password", { description: HOSTILE_TEXT })],
      name: HOSTILE_TEXT,
    });

    expect(user.split(DATA_OPEN)).toHaveLength(2);
    expect(user.split(DATA_CLOSE)).toHaveLength(2);
    expect(user.trimEnd().endsWith(DATA_CLOSE)).toBe(true);
    expect(user.indexOf("Ignore previous instructions")).toBeGreaterThan(
      user.indexOf(DATA_OPEN),
    );
    expect(dataOf(user).schema).toEqual(hostileSchema);
    expect(SYSTEM_PROMPT).not.toContain("Ignore previous");
  });

  it("sends an over-budget schema as its field list only", () => {
    const big = { type: "object", description: "x".repeat(5_000) };
    const { user, summarised, schemaChars } = buildUserMessage(
      { schema: big, fields: [field("/a")] },
      1_000,
    );
    const data = dataOf(user);

    expect(summarised).toBe(true);
    expect(schemaChars).toBe(JSON.stringify(big).length);
    expect(data.schema).toBeNull();
    expect(data.fields).toEqual([
      { pointer: "/a", label: "a", type: "string", kind: "text" },
    ]);
    expect(data.notes).toEqual([
      `The schema is ${schemaChars} characters, too large to send; ` +
        "decide from the field list.",
    ]);
  });

  it("cuts a field list that is itself over budget, and says so", () => {
    const fields = Array.from({ length: 100 }, (_, i) =>
      field(`/f${i}`, { description: "d".repeat(100) }),
    );
    const { user } = buildUserMessage({ schema: {}, fields }, 2_000);
    const data = dataOf(user);
    const listed = data.fields as { description?: string }[];

    expect(JSON.stringify(listed).length).toBeLessThanOrEqual(2_000);
    expect(listed.length).toBeLessThan(100);
    expect(listed.every((f) => f.description === undefined)).toBe(true);
    expect(data.notes).toEqual([
      `Only ${listed.length} of 100 fields are listed; refer only to ` +
        "listed fields.",
    ]);
  });
});

describe("buildRepairMessage", () => {
  it("lists each problem and asks for a complete render", () => {
    expect(buildRepairMessage(["a: bad", "b: worse"])).toBe(
      "Your suggest_render call was rejected:\n- a: bad\n- b: worse\n" +
        "Call suggest_render again with a corrected, complete render. Use " +
        "only pointers from the fields list and follow the rules.",
    );
  });
});
