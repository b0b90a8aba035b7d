import { describe, expect, it } from "vitest";
import { draftOf, validateJsonSchema } from "./validate-schema";

function problemsOf(schema: unknown) {
  const result = validateJsonSchema(schema);
  return result.ok ? [] : result.problems;
}

describe("validateJsonSchema", () => {
  it("accepts a plain draft-07 object schema", () => {
    expect(validateJsonSchema({ type: "object", properties: {} })).toEqual({
      ok: true,
    });
  });

  it("refuses a numeric type, naming /type", () => {
    const [problem] = problemsOf({ type: 12 });
    expect(problem?.pointer).toBe("/type");
    expect(problem?.message).toContain('"type" must be one of');
  });

  it("refuses an allOf that is an object, naming /allOf", () => {
    expect(problemsOf({ allOf: { type: "string" } })).toEqual([
      { pointer: "/allOf", message: '"allOf" must be array' },
    ]);
  });

  it("refuses boolean, array and null roots with a reason", () => {
    expect(problemsOf(true)[0]?.message).toContain("boolean schema true");
    expect(problemsOf([])[0]?.message).toContain("not an array");
    expect(problemsOf(null)[0]?.message).toContain("not null");
  });

  it("validates 2020-12 schemas against the 2020-12 meta-schema", () => {
    const schema = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      prefixItems: [{ type: "string" }],
      minItems: -1,
    };
    expect(problemsOf(schema).map((p) => p.pointer)).toEqual(["/minItems"]);
  });

  it("accepts draft-04 boolean exclusiveMinimum, refuses it in draft-07", () => {
    const bounds = { type: "number", minimum: 0, exclusiveMinimum: true };
    const draft04 = { $schema: "http://json-schema.org/draft-04/schema#" };
    expect(validateJsonSchema({ ...draft04, ...bounds }).ok).toBe(true);
    expect(validateJsonSchema(bounds).ok).toBe(false);
  });

  it("reads the draft from $schema, draft-07 when unknown", () => {
    expect(
      draftOf({ $schema: "http://json-schema.org/draft-04/schema#" }),
    ).toBe("draft-04");
    expect(
      draftOf({ $schema: "https://json-schema.org/draft/2019-09/schema" }),
    ).toBe("2019-09");
    expect(draftOf({ $schema: "http://json-schema.org/schema#" })).toBe(
      "draft-07",
    );
  });
});
