import { describe, expect, it } from "vitest";
import {
  assertTransition,
  canTransition,
  IllegalTransitionError,
  TRANSITIONS,
} from "@/lib/activities/status";
import { PROCESSING_STATUSES } from "@/lib/activities/types";

const LEGAL = [
  "NOT_PROCESSED>PENDING",
  "PENDING>PENDING",
  "PENDING>PROCESSING",
  "PENDING>SKIPPED",
  "PENDING>FAILED",
  "PENDING>NOT_PROCESSED",
  "PROCESSING>COMPLETED",
  "PROCESSING>FAILED",
  "PROCESSING>SKIPPED",
  "PROCESSING>PENDING",
  "COMPLETED>PENDING",
  "COMPLETED>NOT_PROCESSED",
  "FAILED>PENDING",
  "FAILED>NOT_PROCESSED",
  "SKIPPED>PENDING",
  "SKIPPED>NOT_PROCESSED",
];

describe("status transitions", () => {
  it("the table holds exactly the legal moves", () => {
    const table = Object.entries(TRANSITIONS).flatMap(([from, tos]) =>
      tos.map((to) => `${from}>${to}`),
    );
    expect(table.sort()).toEqual([...LEGAL].sort());
  });

  for (const from of PROCESSING_STATUSES) {
    for (const to of PROCESSING_STATUSES) {
      const legal = LEGAL.includes(`${from}>${to}`);
      it(`${from} → ${to} is ${legal ? "allowed" : "refused"}`, () => {
        expect(canTransition(from, to)).toBe(legal);
        if (legal) expect(() => assertTransition(from, to)).not.toThrow();
        else
          expect(() => assertTransition(from, to)).toThrow(
            IllegalTransitionError,
          );
      });
    }
  }
});
