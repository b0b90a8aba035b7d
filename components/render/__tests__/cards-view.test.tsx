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
import type { CardsLayout } from "@/lib/render/types";
import { CardsView } from "../cards-view";
import { VIRTUALIZE_FROM } from "../virtual-list";
import { asEntries, dotnetRelease, describeShared, readShared } from "./shared";

afterEach(cleanup);

describeShared("CardsView on .NET releases", () => {
  const { schema, entries } = dotnetRelease();
  const result = renderFor(schema, "cards");

  it("shows a card per release titled by the render's title field", () => {
    if (!result.ok || result.render.layout.type !== "cards") {
      throw new Error("expected a cards render");
    }
    const layout = result.render.layout;
    render(<CardsView layout={layout} entries={entries} schema={schema} />);

    const titles = screen
      .getAllByTestId("card-title")
      .map((t) => t.textContent);
    expect(titles).toEqual(
      entries.map(
        (e) => (e.data as Record<string, string>)[layout.titleField.slice(1)],
      ),
    );
  });
});

describeShared("CardsView on a JSON Feed", () => {
  const feed = readShared<{ items: Record<string, unknown>[] }>(
    "activity-like/schemastore-feed-1.data.json",
  );
  const layout: CardsLayout = {
    type: "cards",
    titleField: "/url",
    subtitleField: null,
    imageField: "/image",
    badgeFields: ["/id"],
    bodyFields: ["/content_html"],
  };

  it("shows HTML content from the data as text, never as markup", () => {
    const { container } = render(
      <CardsView layout={layout} entries={asEntries(feed.items)} />,
    );
    expect(screen.getByText("<p>Hello, world!</p>")).toBeTruthy();
    expect(container.querySelector("dd p")).toBeNull();
  });
});

describe("CardsView", () => {
  const layout: CardsLayout = {
    type: "cards",
    titleField: "/title",
    subtitleField: "/merchant",
    imageField: "/receiptUrl",
    badgeFields: ["/category", "/reimbursable"],
    bodyFields: ["/amount", "/paidOn"],
  };

  it("shows title, subtitle, badges and details", () => {
    render(
      <CardsView
        layout={layout}
        entries={asEntries([
          {
            title: "Train to Lyon",
            merchant: "SNCF",
            category: "transport",
            reimbursable: true,
            amount: 64.5,
          },
        ])}
      />,
    );
    const card = screen.getByTestId("card");
    expect(within(card).getByTestId("card-title").textContent).toBe(
      "Train to Lyon",
    );
    expect(within(card).getByText("SNCF")).toBeTruthy();
    expect(within(card).getByText("transport")).toBeTruthy();
    // Without a schema the label is the key in words.
    expect(within(card).getByText("Reimbursable")).toBeTruthy();
    expect(within(card).queryByText("Yes")).toBeNull();
    expect(within(card).getByText("Amount")).toBeTruthy();
  });

  it("names a flag that is on as its badge and leaves out one that is off", () => {
    render(
      <CardsView
        layout={layout}
        entries={asEntries([
          { title: "Lunch", category: "food", reimbursable: false },
        ])}
      />,
    );
    const card = screen.getByTestId("card");
    const badges = card.querySelectorAll("[title]");
    expect([...badges].map((badge) => badge.textContent)).toEqual(["food"]);
  });

  it("shows images from http(s) URLs only", () => {
    const { container } = render(
      <CardsView
        layout={layout}
        entries={asEntries([
          { title: "A", receiptUrl: "https://example.org/r.jpg" },
          { title: "B", receiptUrl: "javascript:alert(1)" },
          { title: "C", receiptUrl: "data:image/png;base64,AAAA" },
        ])}
      />,
    );
    const images = [...container.querySelectorAll("img")];
    expect(images.map((img) => img.getAttribute("src"))).toEqual([
      "https://example.org/r.jpg",
    ]);
  });
});

describe("CardsView with thousands of entries", () => {
  const layout: CardsLayout = {
    type: "cards",
    titleField: "/title",
    subtitleField: null,
    imageField: null,
    badgeFields: [],
    bodyFields: [],
  };
  const many = asEntries(
    Array.from({ length: 5000 }, (_, i) => ({ title: `Card ${i + 1}` })),
  );

  function shownNumbers(): number[] {
    return screen
      .getAllByTestId("card-title")
      .map((title) => Number(title.textContent?.replace("Card ", "")));
  }

  function scrollTo(top: number) {
    const list = screen.getByRole("list", { name: "Cards" });
    act(() => {
      list.scrollTop = top;
      fireEvent.scroll(list);
    });
  }

  it("keeps only a window of cards in the DOM, from the first, in order", () => {
    render(<CardsView layout={layout} entries={many} />);
    const shown = shownNumbers();

    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(100);
    expect(shown).toEqual(shown.map((_, i) => i + 1));
    const first = screen.getAllByTestId("card")[0]!;
    expect(first.getAttribute("role")).toBe("listitem");
    expect(first.getAttribute("aria-posinset")).toBe("1");
    expect(first.getAttribute("aria-setsize")).toBe("5000");
  });

  it("shows later cards, still in order, once the list is scrolled", () => {
    render(<CardsView layout={layout} entries={many} />);
    scrollTo(50_000);
    const shown = shownNumbers();

    expect(shown[0]).toBeGreaterThan(100);
    expect(shown).toEqual(shown.map((_, i) => shown[0]! + i));
    const first = screen.getAllByTestId("card")[0]!;
    expect(first.getAttribute("aria-posinset")).toBe(String(shown[0]));
  });

  it(`draws every card in a plain list below ${VIRTUALIZE_FROM}`, () => {
    const few = many.slice(0, VIRTUALIZE_FROM - 1);
    const { container } = render(<CardsView layout={layout} entries={few} />);

    expect(screen.getAllByTestId("card")).toHaveLength(few.length);
    expect(container.querySelectorAll("ul > li")).toHaveLength(few.length);
  });
});
