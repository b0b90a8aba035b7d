import { describe, expect, it } from "vitest";
import { retryAfterFrom } from "@/lib/ai/errors";

describe("retryAfterFrom", () => {
  const now = Date.parse("2025-03-01T12:00:00Z");

  it("prefers retry-after-ms", () => {
    const headers = new Headers({
      "retry-after-ms": "1500",
      "retry-after": "9",
    });
    expect(retryAfterFrom(headers, now)).toBe(1500);
  });

  it("reads retry-after in seconds, fractions rounded up", () => {
    expect(retryAfterFrom(new Headers({ "retry-after": "7" }), now)).toBe(7000);
    expect(retryAfterFrom(new Headers({ "retry-after": "0.25" }), now)).toBe(
      250,
    );
  });

  it("reads retry-after as an HTTP date", () => {
    const headers = new Headers({
      "retry-after": "Sat, 01 Mar 2025 12:00:30 GMT",
    });
    expect(retryAfterFrom(headers, now)).toBe(30_000);
  });

  it("gives null for missing or unreadable values", () => {
    expect(retryAfterFrom(undefined, now)).toBeNull();
    expect(retryAfterFrom(new Headers(), now)).toBeNull();
    expect(retryAfterFrom(new Headers({ "retry-after": "soon" }), now)).toBe(
      null,
    );
    expect(retryAfterFrom(new Headers({ "retry-after": "-3" }), now)).toBe(
      null,
    );
  });
});
