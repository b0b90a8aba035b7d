// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { RenderType, SchemaRender } from "@/lib/render/types";
import type { RenderOutcomes } from "@/lib/client/preview";
import { RenderPreview } from "../render-preview";
import { asEntries } from "./shared";

afterEach(cleanup);

const source = { analyzer: "rules", version: "1", model: null } as const;

const table: SchemaRender = {
  renderType: "table",
  layout: {
    type: "table",
    columns: [
      { field: "/when", label: "When", format: "date-time", width: "medium" },
      {
        field: "/systolic",
        label: "Systolic",
        format: "integer",
        width: "narrow",
      },
    ],
    defaultSort: { field: "/when", direction: "desc" },
    groupBy: null,
  },
  fieldGroups: [{ title: "Reading", fields: ["/when", "/systolic"] }],
  uiSchema: {},
  rationale: "Numbers taken often compare best in rows.",
  alternatives: [
    { renderType: "timeline", reason: "Readings are not events." },
  ],
  source,
  warnings: [],
};

const outcomes: RenderOutcomes = {
  table: { ok: true, render: table },
  form: { ok: false, reason: "not used in this test" },
  timeline: {
    ok: true,
    render: {
      ...table,
      renderType: "timeline",
      layout: {
        type: "timeline",
        dateField: "/when",
        endDateField: null,
        titleField: "/systolic",
        descriptionField: null,
        groupByField: null,
        detailFields: [],
      },
    },
  },
  cards: { ok: false, reason: "Nothing to use as a card title." },
};

const entries = asEntries([
  { when: "2025-03-01T08:00:00Z", systolic: 121 },
  { when: "2025-03-02T08:00:00Z", systolic: 135 },
]);

function Harness({ samples }: { samples: boolean }) {
  const [tab, setTab] = useState<RenderType>("table");
  return (
    <RenderPreview
      schema={{ type: "object" }}
      suggested={table}
      outcomes={outcomes}
      entries={entries}
      samples={samples}
      tab={tab}
      onTabChange={setTab}
    />
  );
}

function openTab(type: RenderType) {
  const trigger = screen.getByTestId(`tab-${type}`);
  fireEvent.mouseDown(trigger, { button: 0, ctrlKey: false });
}

describe("RenderPreview", () => {
  it("marks the suggested tab and labels sample data", () => {
    render(<Harness samples />);
    expect(
      screen
        .getByTestId("tab-table")
        .querySelector("[data-testid=suggested-badge]"),
    ).not.toBeNull();
    expect(screen.getByTestId("view-table")).toBeTruthy();
    expect(screen.getByTestId("samples-label").textContent).toMatch(/sample/i);
  });

  it("shows no samples label for real entries", () => {
    render(<Harness samples={false} />);
    expect(screen.queryByTestId("samples-label")).toBeNull();
  });

  it("gives the alternative's reason and says why a type does not fit", () => {
    render(<Harness samples />);
    openTab("timeline");
    expect(screen.getByText("Readings are not events.")).toBeTruthy();
    expect(screen.getByTestId("view-timeline")).toBeTruthy();

    openTab("cards");
    expect(screen.getByTestId("view-cards").textContent).toMatch(
      /Nothing to use as a card title/,
    );
  });
});
