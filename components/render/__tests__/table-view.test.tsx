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
import type { TableLayout } from "@/lib/render/types";
import { TableView, VIRTUALIZE_FROM } from "../table-view";
import { asEntries, describeShared, dotnetRelease } from "./shared";

afterEach(cleanup);

function tableOf(schema: unknown): TableLayout {
  const result = renderFor(schema, "table");
  if (!result.ok || result.render.layout.type !== "table") {
    throw new Error("expected a table render");
  }
  return result.render.layout;
}

function column(index: number): string[] {
  return screen
    .getAllByTestId("table-row")
    .map((row) => within(row).getAllByRole("cell")[index]?.textContent ?? "");
}

describeShared("TableView on .NET releases", () => {
  const { schema, entries } = dotnetRelease();
  const layout = tableOf(schema);
  const dateColumn = layout.columns.findIndex(
    (c) => c.field === layout.defaultSort?.field,
  );

  it("sorts rows by the render's default sort, newest release first", () => {
    expect(layout.defaultSort).toEqual({
      field: "/latest-release-date",
      direction: "desc",
    });
    render(
      <TableView layout={{ ...layout, groupBy: null }} entries={entries} />,
    );

    expect(screen.getAllByTestId("table-row")).toHaveLength(entries.length);
    const shown = column(dateColumn).map((text) => Date.parse(text));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    const header = screen.getByRole("columnheader", {
      name: new RegExp(layout.columns[dateColumn]!.label, "i"),
    });
    expect(header.getAttribute("aria-sort")).toBe("descending");
  });

  it("groups rows under the render's groupBy field, sorted inside", () => {
    render(<TableView layout={layout} entries={entries} schema={schema} />);
    const groups = screen.getAllByTestId("table-group");
    const kinds = new Set(
      entries.map((e) => (e.data as Record<string, string>)["release-type"]),
    );
    expect(groups).toHaveLength(kinds.size);

    fireEvent.click(screen.getByRole("checkbox", { name: /group by/i }));
    expect(screen.queryAllByTestId("table-group")).toHaveLength(0);
  });
});

describe("TableView", () => {
  const layout: TableLayout = {
    type: "table",
    columns: [
      { field: "/name", label: "Name", format: "text", width: "medium" },
      { field: "/reps", label: "Reps", format: "integer", width: "narrow" },
    ],
    defaultSort: { field: "/reps", direction: "asc" },
    groupBy: null,
  };
  const entries = asEntries([
    { name: "Squat", reps: 8 },
    { name: "Bench", reps: 3 },
    { name: "Row", reps: 12 },
    { name: "Plank" },
  ]);

  it("sorts by the default sort and re-sorts when a heading is clicked", () => {
    render(<TableView layout={layout} entries={entries} />);
    expect(column(0)).toEqual(["Bench", "Squat", "Row", "Plank"]);

    fireEvent.click(screen.getByRole("button", { name: /name/i }));
    expect(column(0)).toEqual(["Bench", "Plank", "Row", "Squat"]);
  });

  it("keeps only the visible rows in the DOM for thousands of entries", () => {
    const many = asEntries(
      Array.from({ length: 5000 }, (_, i) => ({ name: `Set ${i}`, reps: i })),
    );
    render(<TableView layout={layout} entries={many} />);
    const shown = screen.getAllByTestId("table-row").length;
    expect(many.length).toBeGreaterThan(VIRTUALIZE_FROM);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(200);
    expect(screen.getByText("5000 rows")).toBeTruthy();
  });
});
