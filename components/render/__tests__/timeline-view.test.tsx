// @vitest-environment happy-dom
import {
  act,
  cleanup,
  fireEvent,
  render,
  screen,
  within,
} from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderFor } from "@/lib/render";
import type { TimelineLayout } from "@/lib/render/types";
import { groupTimeline, TimelineView, timelineRows } from "../timeline-view";
import { formatValue, valueAt } from "../values";
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

describe("TimelineView with thousands of entries", () => {
  const layout: TimelineLayout = {
    type: "timeline",
    dateField: "/at",
    endDateField: null,
    titleField: "/title",
    descriptionField: null,
    groupByField: null,
    detailFields: [],
  };
  // One an hour over ~7 months: month groups of ~720 entries.
  const many = asEntries(
    Array.from({ length: 5000 }, (_, i) => ({
      at: new Date(Date.UTC(2025, 0, 1, i)).toISOString(),
      title: `Entry ${i + 1}`,
    })),
  );
  const rows = timelineRows(groupTimeline(many, layout, "month"));

  /** Each drawn row checked against the row at its position. */
  function shownRows() {
    return screen.getAllByRole("listitem").map((element) => {
      const position = Number(element.getAttribute("aria-posinset"));
      const row = rows[position - 1];
      const text =
        row?.kind === "heading"
          ? row.group.label
          : formatValue(valueAt(row?.item.entry.data, "/title"));
      expect(element.textContent).toContain(text);
      return { position, kind: row?.kind };
    });
  }

  it("draws a window of rows, newest first, under its month's heading", () => {
    render(<TimelineView layout={layout} entries={many} />);
    const shown = shownRows();

    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(100);
    expect(shown.map((row) => row.position)).toEqual(
      shown.map((_, i) => i + 1),
    );
    expect(shown[0]?.kind).toBe("heading");
    expect(screen.getAllByTestId("timeline-item")[0]?.textContent).toContain(
      "Entry 5000",
    );
    expect(
      screen.getAllByRole("listitem")[0]?.getAttribute("aria-setsize"),
    ).toBe(String(rows.length));
  });

  it("keeps the heading of the month in view when scrolled into it", () => {
    render(<TimelineView layout={layout} entries={many} />);
    const list = screen.getByRole("list", { name: "Timeline" });
    act(() => {
      list.scrollTop = 100_000;
      fireEvent.scroll(list);
    });
    const [heading, ...items] = shownRows();

    // The heading of the first item's month, though far above it.
    const above = rows.slice(0, items[0]!.position);
    const ownHeading = above.findLastIndex((row) => row.kind === "heading");
    expect(heading?.position).toBe(ownHeading + 1);
    expect(items[0]!.position).toBeGreaterThan(heading!.position + 10);
    const positions = items.map((row) => row.position);
    expect(positions).toEqual(positions.map((_, i) => positions[0]! + i));
  });

  it("flattens groups into each heading followed by its items", () => {
    const groups = groupTimeline(many, layout, "month");
    const headings = rows.filter((row) => row.kind === "heading");

    expect(rows).toHaveLength(many.length + groups.length);
    expect(headings.map((row) => row.group.key)).toEqual(
      groups.map((group) => group.key),
    );
    const ends = rows.filter((row) => row.kind === "item" && row.lastOfGroup);
    expect(ends).toHaveLength(groups.length);
  });
});
