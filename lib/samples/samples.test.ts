import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeShared, SHARED_DIR as SHARED } from "@/test/shared";
import { generateSamples, prepareSchema } from "./index";

const anchor = new Date("2025-06-01T00:00:00Z");

const reading = {
  type: "object",
  required: ["measuredAt", "systolic"],
  properties: {
    measuredAt: { type: "string", format: "date-time" },
    systolic: { type: "integer", minimum: 60, maximum: 250 },
    pulse: { type: "integer" },
    arm: { type: "string", enum: ["left", "right"] },
  },
};

describe("generateSamples", () => {
  it("gives the same samples for the same schema", () => {
    const a = generateSamples(reading, { count: 5, anchor });
    const b = generateSamples(reading, { count: 5, anchor });
    expect(a.error).toBeNull();
    expect(a.entries).toHaveLength(5);
    expect(b.entries).toEqual(a.entries);
  });

  it("makes values that respect the schema and recent dates", () => {
    const { entries } = generateSamples(reading, { count: 8, anchor });
    for (const { data } of entries) {
      const entry = data as Record<string, unknown>;
      expect(entry.systolic).toBeGreaterThanOrEqual(60);
      expect(entry.systolic).toBeLessThanOrEqual(250);
      expect(entry.pulse).toBeLessThanOrEqual(100);
      expect(["left", "right"]).toContain(entry.arm);
      const when = Date.parse(entry.measuredAt as string);
      expect(when).toBeLessThanOrEqual(anchor.getTime());
      expect(anchor.getTime() - when).toBeLessThan(61 * 86_400_000);
    }
  });

  it("keeps numbers inside draft-06 exclusive bounds", () => {
    const amount = {
      type: "object",
      required: ["amount"],
      properties: {
        amount: { type: "number", exclusiveMinimum: 0, multipleOf: 0.01 },
      },
    };
    const { entries } = generateSamples(amount, { count: 10, anchor });
    for (const { data } of entries) {
      const value = (data as { amount: number }).amount;
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(100.01);
    }
  });

  it("never follows a reference outside the document", () => {
    const prepared = prepareSchema({
      type: "object",
      properties: {
        geo: { $ref: "http://example.com/geo.json" },
        local: { $ref: "#/definitions/x" },
      },
      definitions: { x: { type: "string" } },
    }) as { properties: Record<string, Record<string, unknown>> };
    expect(prepared.properties.geo).toEqual({});
    expect(prepared.properties.local).toEqual({ $ref: "#/definitions/x" });
  });

  it("reports a schema it cannot use instead of throwing", () => {
    expect(generateSamples("not a schema").error).toMatch(/not a JSON object/);
  });
});

describeShared("generateSamples on every shared schema", () => {
  const files = [
    "activity-like",
    "hard",
    "rjsf-playground",
    "jsonforms",
  ].flatMap((group) =>
    readdirSync(join(SHARED, group))
      .filter((f) => f.endsWith(".schema.json"))
      .map((f) => join(group, f)),
  );

  it.each(files)("%s: returns entries or a reason, never throws", (file) => {
    const schema: unknown = JSON.parse(
      readFileSync(join(SHARED, file), "utf8"),
    );
    const result = generateSamples(schema, { count: 3, anchor });
    expect(result.entries.length > 0 || result.error !== null).toBe(true);
  });
});
