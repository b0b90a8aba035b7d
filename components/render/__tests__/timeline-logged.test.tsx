// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderFor } from "@/lib/render";
import { groupTimeline, TimelineView } from "../timeline-view";

afterEach(cleanup);

// Blood pressure readings that carry no date of their own.
const schema = {
  type: "object",
  properties: {
    systolic: { type: "integer", title: "Systolic" },
    diastolic: { type: "integer", title: "Diastolic" },
    arm: { enum: ["left", "right"] },
  },
};

const entries = [
  {
    id: "a",
    data: { systolic: 120, diastolic: 80, arm: "left" },
    occurredAt: "2025-03-01T08:00:00Z",
  },
  {
    id: "b",
    data: { systolic: 131, diastolic: 85, arm: "right" },
    occurredAt: "2025-03-03T08:00:00Z",
  },
  {
    id: "c",
    data: { systolic: 118, diastolic: 79, arm: "left" },
    occurredAt: "2025-03-03T20:00:00Z",
  },
];

function timelineLayout() {
  const result = renderFor(schema, "timeline");
  if (!result.ok || result.render.layout.type !== "timeline") {
    throw new Error("expected a timeline render");
  }
  return result.render.layout;
}

describe("a timeline for a schema without a date field", () => {
  it("orders and groups entries by when they were logged", () => {
    const layout = timelineLayout();
    expect(layout.dateField).toBeNull();
    const groups = groupTimeline(entries, layout, "month");
    expect(groups).toHaveLength(1);
    expect(groups[0]?.items.map((item) => item.entry.id)).toEqual([
      "c",
      "b",
      "a",
    ]);
  });

  it("says it orders by the time logged and shows every entry", () => {
    render(
      <TimelineView
        layout={timelineLayout()}
        entries={entries}
        schema={schema}
      />,
    );
    expect(screen.getByText(/when each entry was logged/)).toBeTruthy();
    const items = screen.getAllByTestId("timeline-item");
    expect(items).toHaveLength(3);
    expect(items[0]?.textContent).toContain("118");
    expect(items[2]?.textContent).toContain("120");
    expect(screen.queryByText("No date")).toBeNull();
  });
});
