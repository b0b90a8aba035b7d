import { describe, expect, it } from "vitest";
import { ApiError } from "./api";
import { slug } from "./export";
import { MAX_POLL_MS, nextPollDelay } from "./poll";
import { parseSchemaText } from "./preview";

describe("nextPollDelay", () => {
  it("starts at 500 ms and grows by half each poll up to 5 s", () => {
    expect([0, 1, 2, 3].map(nextPollDelay)).toEqual([500, 750, 1125, 1688]);
    expect(nextPollDelay(20)).toBe(MAX_POLL_MS);
  });
});

describe("parseSchemaText", () => {
  it("parses valid JSON", () => {
    expect(parseSchemaText('{"type":"object"}')).toEqual({
      ok: true,
      value: { type: "object" },
    });
  });

  it("names the line of a syntax error", () => {
    const result = parseSchemaText('{\n  "type": "object",\n  oops\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.line).toBe(3);
  });
});

describe("ApiError", () => {
  it("exposes field errors and problems from the error details", () => {
    const error = new ApiError(422, "validation_failed", "Bad schema", {
      fieldErrors: { schema: ["Not an object"] },
      problems: [{ pointer: "/type", message: "unknown type", line: 2 }],
    });
    expect(error.fieldErrors).toEqual({ schema: ["Not an object"] });
    expect(error.problems[0]?.line).toBe(2);
  });
});

describe("slug", () => {
  it("makes a file-name-safe name", () => {
    expect(slug("Blood pressure (home)")).toBe("blood-pressure-home");
    expect(slug("???")).toBe("activity");
  });
});
