import { describe, expect, it } from "vitest";
import { fieldLabel, formatFieldValue } from "./field-values";
import {
  getAll,
  getAt,
  isInsideArray,
  joinPointer,
  parsePointer,
} from "./pointer";
import { readSchema } from "./read-schema";

const entry = {
  heart: { systolic: 120 },
  "a/b": { "c~d": 1 },
  sets: [{ reps: 5 }, { reps: 8 }],
};

describe("pointers", () => {
  it("reads nested values, escaped names and the whole entry", () => {
    expect(getAt(entry, "/heart/systolic")).toBe(120);
    expect(getAt(entry, "/a~1b/c~0d")).toBe(1);
    expect(getAt(entry, "")).toBe(entry);
    expect(getAt(entry, "/heart/missing")).toBeUndefined();
  });

  it("reads the first item for '-' and every item with getAll", () => {
    expect(getAt(entry, "/sets/-/reps")).toBe(5);
    expect(getAll(entry, "/sets/-/reps")).toEqual([5, 8]);
    expect(getAt(entry, "/sets/1/reps")).toBe(8);
  });

  it("joins and splits names containing / and ~", () => {
    const pointer = joinPointer("", "a/b", "c~d");
    expect(pointer).toBe("/a~1b/c~0d");
    expect(parsePointer(pointer)).toEqual(["a/b", "c~d"]);
    expect(isInsideArray("/sets/-/reps")).toBe(true);
    expect(isInsideArray("/heart/systolic")).toBe(false);
  });

  it("formats a field's value with its enum label and unit", () => {
    const { fields } = readSchema({
      properties: {
        arm: { enum: ["l", "r"], enumNames: ["Left", "Right"] },
        distance_km: { type: "number" },
      },
    });
    const [arm, distance] = fields;
    expect(formatFieldValue(arm!, "r")).toBe("Right");
    expect(formatFieldValue(distance!, 5)).toBe("5 km");
    expect(fieldLabel(distance!)).toBe("Distance (km)");
    expect(formatFieldValue(distance!, undefined)).toBe("—");
  });
});
