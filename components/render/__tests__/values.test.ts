import { describe, expect, it } from "vitest";
import { compareSortKeys, formatValue, sortKey } from "../values";

function sorted(values: unknown[]): unknown[] {
  return values
    .map(sortKey)
    .sort(compareSortKeys)
    .map((key) => key.value);
}

describe("compareSortKeys", () => {
  it("orders numbers by value and puts empty values last", () => {
    expect(sorted([12, "", 3, null, 8, undefined])).toEqual([
      3,
      8,
      12,
      "",
      null,
      undefined,
    ]);
  });

  it("orders dates by time, whether date-only or with a time", () => {
    expect(
      sorted(["2025-03-02", "2025-03-01T23:00:00", "2025-03-02T08:00:00"]),
    ).toEqual(["2025-03-01T23:00:00", "2025-03-02", "2025-03-02T08:00:00"]);
  });

  it("orders text by its numbers and ignores case", () => {
    expect(sorted(["Set 10", "set 9", "Set 1"])).toEqual([
      "Set 1",
      "set 9",
      "Set 10",
    ]);
  });

  it("orders a date among text by its shown text", () => {
    const [first] = sorted(["zebra", "2025-03-02"]);
    expect(first).toBe("2025-03-02");
  });
});

describe("formatValue of a list", () => {
  it("names a list of objects by the first text of each item", () => {
    const exercises = [
      { reps: 5, name: "Squat" },
      { name: "Bench press", reps: 8 },
    ];
    expect(formatValue(exercises)).toBe("Squat, Bench press");
  });

  it("counts the items when some have no text to name them", () => {
    expect(formatValue([{ reps: 5 }, { name: "Squat" }])).toBe("2 items");
    expect(formatValue([{ reps: 5 }])).toBe("1 item");
  });

  it("joins scalars, shortens a long summary and shows an empty list as empty", () => {
    expect(formatValue(["run", "easy", 5])).toBe("run, easy, 5");
    expect(formatValue(Array.from({ length: 30 }, () => "interval"))).toMatch(
      /^interval, .{60,}…$/,
    );
    expect(formatValue([])).toBe("—");
  });
});
