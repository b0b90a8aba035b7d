import { describe, expect, it } from "vitest";
import { canonicalJson, schemaHash } from "@/lib/activities/hash";

describe("schemaHash", () => {
  const schema = {
    type: "object",
    required: ["a", "b"],
    properties: { a: { type: "string" }, b: { type: "number", minimum: 0 } },
  };

  it("is the same when keys come in another order, at any depth", () => {
    const reordered = {
      properties: { b: { minimum: 0, type: "number" }, a: { type: "string" } },
      required: ["a", "b"],
      type: "object",
    };
    expect(schemaHash(reordered)).toBe(schemaHash(schema));
  });

  it("differs when a value changes", () => {
    const changed = structuredClone(schema);
    changed.properties.b.minimum = 1;
    expect(schemaHash(changed)).not.toBe(schemaHash(schema));
  });

  it("differs when array order changes, since order matters there", () => {
    expect(schemaHash({ ...schema, required: ["b", "a"] })).not.toBe(
      schemaHash(schema),
    );
  });

  it("is 64 hex characters of sha-256", () => {
    expect(schemaHash({})).toBe(
      "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    );
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 0 }] })).toBe(
      '{"a":[2,{"c":0,"d":1}],"b":1}',
    );
  });
});
