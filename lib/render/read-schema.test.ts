import { describe, expect, it } from "vitest";
import type { Field } from "./field";
import { InvalidSchemaError } from "./errors";
import { readSchema } from "./read-schema";
import { ownSchema } from "./test-support/schemas";

function byPointer(schema: unknown): Map<string, Field> {
  return new Map(readSchema(schema).fields.map((f) => [f.pointer, f]));
}

describe("readSchema", () => {
  it("reads a workout's date, array of sets and their item fields", () => {
    const fields = byPointer(ownSchema("workout"));
    expect(fields.get("/date")).toMatchObject({
      kind: "date",
      format: "date",
      required: true,
      depth: 1,
    });
    expect(fields.get("/sets")?.kind).toBe("array");
    expect(fields.get("/sets/-")).toMatchObject({
      kind: "object",
      isArrayItem: true,
      label: "Sets item",
    });
    expect(fields.get("/sets/-/reps")).toMatchObject({
      kind: "integer",
      minimum: 1,
      maximum: 50,
      required: true,
      isArrayItem: true,
      depth: 3,
      parent: "/sets/-",
    });
    expect(fields.get("/sets/-/weight_kg")?.unit).toBe("kg");
    expect(fields.get("/notes")?.kind).toBe("long-text");
  });

  it("resolves local refs and stops where a reference meets itself", () => {
    const fields = byPointer(ownSchema("recursive"));
    expect(fields.get("/root/label")?.kind).toBe("text");
    expect(fields.get("/root/children/-")).toMatchObject({
      kind: "json",
      recursive: true,
      opaque: true,
    });
    expect(fields.get("/copy")).toMatchObject({ recursive: true });
  });

  it("keeps external refs as opaque fields and warns, without fetching", () => {
    const reading = readSchema(ownSchema("external-ref"));
    const fields = new Map(reading.fields.map((f) => [f.pointer, f]));
    expect(fields.get("/distance")).toMatchObject({
      kind: "json",
      opaque: true,
      externalRef: "https://example.com/schemas/length.json",
    });
    expect(fields.get("/place")?.label).toBe("Place");
    expect(fields.get("/route/name")?.kind).toBe("text");
    expect(reading.warnings).toHaveLength(3);
    expect(reading.warnings[0]).toContain("was not fetched");
  });

  it("reads then/else and dependencies fields as conditional", () => {
    const fields = byPointer(ownSchema("conditional"));
    expect(fields.get("/mode")?.conditional).toBe(false);
    expect(fields.get("/fuel_litres")).toMatchObject({
      conditional: true,
      required: false,
    });
    expect(fields.get("/ticket")?.conditional).toBe(true);
    expect(fields.get("/late")?.conditional).toBe(true);
  });

  it("merges allOf parts into one object", () => {
    const fields = byPointer({
      allOf: [
        { properties: { a: { type: "string" } }, required: ["a"] },
        { properties: { b: { type: "integer" } } },
      ],
    });
    expect(fields.get("/a")?.required).toBe(true);
    expect(fields.get("/b")?.kind).toBe("integer");
  });

  it("keeps oneOf object branches as variants of the field", () => {
    const fields = byPointer({
      properties: {
        payment: {
          oneOf: [
            { title: "Card", properties: { number: { type: "string" } } },
            { title: "Cash", properties: { change: { type: "number" } } },
          ],
        },
      },
    });
    expect(fields.get("/payment")?.variants).toEqual(["Card", "Cash"]);
    expect(fields.get("/payment/change")?.variantOf).toEqual({
      keyword: "oneOf",
      owner: "/payment",
      index: 1,
      title: "Cash",
    });
  });

  it("reads tuple positions and the extra items", () => {
    const reading = readSchema(ownSchema("tuple"));
    const fields = new Map(reading.fields.map((f) => [f.pointer, f]));
    expect(reading.rootKind).toBe("array");
    expect(fields.get("")?.kind).toBe("tuple");
    expect(fields.get("/1")).toMatchObject({
      label: "Longitude",
      maximum: 180,
    });
    expect(fields.get("/-")?.label).toBe("Note");
  });

  it("reads patternProperties and additionalProperties as maps", () => {
    const fields = byPointer(ownSchema("pattern-map"));
    expect(fields.get("/habits")?.kind).toBe("map");
    expect(fields.get("/scores")?.kind).toBe("map");
  });

  it("reads every nullable idiom", () => {
    const fields = byPointer(ownSchema("nullable"));
    expect(fields.get("/hours")).toMatchObject({
      kind: "number",
      nullableBy: "type",
    });
    expect(fields.get("/quality")).toMatchObject({
      kind: "integer",
      nullableBy: "choice",
      maximum: 5,
    });
    expect(fields.get("/dream")?.enumOptions?.at(-1)).toEqual({
      value: null,
      label: "None",
    });
    expect(fields.get("/nap")?.kind).toBe("boolean");
  });

  it("labels enums from oneOf const titles and from enumNames", () => {
    const expense = byPointer(ownSchema("expense"));
    expect(expense.get("/category")?.enumOptions).toEqual([
      { value: "food", label: "Food" },
      { value: "travel", label: "Travel" },
      { value: "home", label: "Home" },
    ]);
    const bp = byPointer(ownSchema("blood-pressure"));
    expect(bp.get("/arm")?.enumOptions?.[1]?.label).toBe("Right arm");
    expect(bp.get("/systolic")?.unit).toBe("mmHg");
  });

  it("reads a scalar root as one field at the empty pointer", () => {
    const reading = readSchema(ownSchema("scalar-root"));
    expect(reading.rootKind).toBe("scalar");
    expect(reading.fields).toHaveLength(1);
    expect(reading.fields[0]).toMatchObject({ pointer: "", unit: "kg" });
  });

  it("reads an array of objects as a list of entries", () => {
    const reading = readSchema(ownSchema("array-root"));
    expect(reading.rootKind).toBe("list");
    expect(reading.fields.map((f) => f.pointer)).toEqual([
      "/name",
      "/eaten_at",
      "/kcal",
    ]);
  });

  it("reads the draft-07 meta-schema without looping", () => {
    const meta = {
      $id: "http://json-schema.org/draft-07/schema#",
      type: ["object", "boolean"],
      definitions: { list: { type: "array", items: { $ref: "#" } } },
      properties: {
        not: { $ref: "#" },
        allOf: { $ref: "#/definitions/list" },
        properties: { type: "object", additionalProperties: { $ref: "#" } },
      },
    };
    const fields = byPointer(meta);
    expect(fields.get("/not")?.recursive).toBe(true);
    expect(fields.get("/allOf/-")?.recursive).toBe(true);
    expect(fields.get("/properties")?.kind).toBe("map");
  });

  it("refuses an invalid schema with the problem's pointer", () => {
    expect(() => readSchema(ownSchema("invalid-type"))).toThrow(
      InvalidSchemaError,
    );
    expect(() => readSchema(ownSchema("invalid-type"))).toThrow(
      "/properties/steps/type",
    );
  });

  it("ends a deep chain of definitions at the depth limit", () => {
    const definitions: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++) {
      definitions[`d${i}`] = {
        type: "object",
        properties: { next: { $ref: `#/definitions/d${i + 1}` } },
      };
    }
    definitions.d30 = { type: "string" };
    const reading = readSchema({ $ref: "#/definitions/d0", definitions });
    expect(reading.fields).toHaveLength(10);
    expect(reading.warnings[0]).toContain("deeper than 10 levels");
  });
});
