// @vitest-environment happy-dom
import {
  cleanup,
  fireEvent,
  render,
  screen,
  within,
} from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderFor } from "@/lib/render";
import type { TimelineLayout } from "@/lib/render/types";
import { groupTimeline, TimelineView } from "../timeline-view";
import { asEntries, describeShared, readShared } from "./shared";

afterEach(cleanup);

describeShared("TimelineView on JSON Forms comments", () => {
  const data = readShared<{ comments: { date: string; message: string }[] }>(
    "jsonforms/array.data.json",
  );
  const entries = asEntries(data.comments);
  const schema = readShared<{ properties: { comments: { items: unknown } } }>(
    "jsonforms/array.schema.json",
  ).properties.comments.items;
  const result = renderFor(schema, "timeline");
  const commentsLayout = result.ok ? result.render.layout : null;

  it("gets a timeline render on the comment's date", () => {
    expect(commentsLayout).toMatchObject({ dateField: "/date" });
  });

  it("orders entries by the date field, newest first", () => {
    if (commentsLayout?.type !== "timeline") throw new Error("no timeline");
    render(
      <TimelineView
        layout={commentsLayout}
        entries={entries}
        schema={schema}
      />,
    );
    const titles = screen
      .getAllByTestId("timeline-item")
      .map((item) => within(item).getByRole("heading").textContent);
    const newestFirst = [...data.comments]
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((c) => c.message);
    expect(titles).toEqual(newestFirst);
  });
});

describe("TimelineView", () => {
  const layout: TimelineLayout = {
    type: "timeline",
    dateField: "/startedAt",
    endDateField: null,
    titleField: "/book",
    descriptionField: "/thoughts",
    groupByField: "/author",
    detailFields: [],
  };
  const entries = asEntries([
    { startedAt: "2025-03-02T08:00:00", book: "Dune", author: "Herbert" },
    { startedAt: "2025-03-01T21:30:00", book: "Emma", thoughts: "Witty." },
    { startedAt: "2025-03-02T19:15:00", book: "Ubik" },
    { startedAt: "2025-03-01T07:00:00", book: "Kim" },
    { book: "Undated" },
  ]);

  it("groups entries by day, newest day first, undated last", () => {
    const groups = groupTimeline(entries, layout, "day");
    expect(groups.map((g) => g.key)).toEqual([
      "2025-03-02",
      "2025-03-01",
      "undated",
    ]);
    expect(groups[0]?.items.map((i) => valueOf(i.entry.data))).toEqual([
      "Ubik",
      "Dune",
    ]);
  });

  it("shows day groups with their entries, and month groups on request", () => {
    render(<TimelineView layout={layout} entries={entries} />);
    const groups = screen.getAllByTestId("timeline-group");
    expect(groups).toHaveLength(3);
    expect(within(groups[0]!).getAllByTestId("timeline-item")).toHaveLength(2);
    expect(screen.getByText("Witty.")).toBeTruthy();
    expect(screen.getByText("Herbert")).toBeTruthy();

    fireEvent.click(screen.getByRole("radio", { name: "month" }));
    expect(screen.getAllByTestId("timeline-group")).toHaveLength(2);
  });
});

describe("TimelineView detail fields", () => {
  const schema = {
    type: "object",
    properties: {
      measuredAt: { type: "string", format: "date-time" },
      systolic: { type: "integer", title: "Systolic (mmHg)" },
      diastolic: { type: "integer", title: "Diastolic (mmHg)" },
      pulse: { type: "integer", title: "Pulse (bpm)" },
      arm: { type: "string", title: "Arm", enum: ["left", "right"] },
    },
  };
  const layout: TimelineLayout = {
    type: "timeline",
    dateField: "/measuredAt",
    endDateField: null,
    titleField: "/arm",
    descriptionField: null,
    groupByField: null,
    detailFields: ["/systolic", "/diastolic", "/pulse"],
  };

  function pairsOf(item: HTMLElement): string[] {
    return within(item)
      .queryAllByRole("definition")
      .map((dd) => `${dd.previousSibling?.textContent} ${dd.textContent}`);
  }

  it("shows each detail as a label and its value under the title", () => {
    const entries = asEntries([
      {
        measuredAt: "2025-03-02T08:00:00",
        arm: "left",
        systolic: 128,
        diastolic: 84,
        pulse: 72,
      },
    ]);
    render(<TimelineView layout={layout} entries={entries} schema={schema} />);
    const item = screen.getByTestId("timeline-item");

    expect(within(item).getByRole("heading").textContent).toBe("left");
    expect(pairsOf(item)).toEqual([
      "Systolic (mmHg) 128",
      "Diastolic (mmHg) 84",
      "Pulse (bpm) 72",
    ]);
  });

  it("leaves out details an entry has no value for", () => {
    const entries = asEntries([
      { measuredAt: "2025-03-02T08:00:00", arm: "right", systolic: 119 },
    ]);
    render(<TimelineView layout={layout} entries={entries} schema={schema} />);
    expect(pairsOf(screen.getByTestId("timeline-item"))).toEqual([
      "Systolic (mmHg) 119",
    ]);
  });

  it("shows no details for a render saved without the list", () => {
    const { detailFields: _details, ...saved } = layout;
    const entries = asEntries([{ measuredAt: "2025-03-02", arm: "left" }]);
    render(
      <TimelineView
        layout={saved as TimelineLayout}
        entries={entries}
        schema={schema}
      />,
    );
    expect(screen.queryByTestId("timeline-details")).toBeNull();
    expect(screen.getByRole("heading", { name: "left" })).toBeTruthy();
  });
});

function valueOf(data: unknown): unknown {
  return (data as { book: string }).book;
}
