import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { RenderType } from "../pages/activity-page";
import { expect, test } from "../support/fixtures";
import { ARTIFACTS, ROOT } from "../support/servers";
import { templateSchema } from "../support/templates";

/**
 * Screenshots of the four views with realistic entries, for people to
 * look at: saved under e2e/.artifacts/screenshots on every run, and
 * copied to docs/screenshots (for the README) when
 * E2E_UPDATE_DOCS_SCREENSHOTS=1.
 */

const OUT = join(ARTIFACTS, "screenshots");
const DOCS = join(ROOT, "docs", "screenshots");

const day = (daysAgo: number, hour: number) => {
  const date = new Date(Date.UTC(2026, 10, 28, hour, 15));
  date.setUTCDate(date.getUTCDate() - daysAgo);
  return date.toISOString();
};

const SHOTS: {
  view: RenderType;
  template: string;
  name: string;
  entries: Record<string, unknown>[];
}[] = [
  { view: "form", template: "workout", name: "Workout", entries: [] },
  {
    view: "table",
    template: "blood-pressure",
    name: "Blood pressure",
    entries: [
      [0, 7, 128, 82, 64, "left", "sitting"],
      [0, 21, 121, 79, 70, "left", "sitting"],
      [1, 7, 134, 88, 61, "right", "sitting"],
      [2, 8, 119, 77, 66, "left", "standing"],
      [3, 7, 125, 80, 63, "left", "sitting"],
      [4, 22, 117, 75, 72, "right", "lying"],
    ].map(([ago, hour, systolic, diastolic, pulse, arm, position]) => ({
      measuredAt: day(Number(ago), Number(hour)),
      systolic,
      diastolic,
      pulse,
      arm,
      position,
    })),
  },
  {
    view: "timeline",
    template: "reading-log",
    name: "Reading log",
    entries: [
      {
        startedAt: day(0, 20),
        book: "The Left Hand of Darkness",
        author: "Ursula K. Le Guin",
        pages: 42,
        thoughts: "The ice crossing is as cold on the page as it sounds.",
      },
      {
        startedAt: day(2, 21),
        book: "The Left Hand of Darkness",
        author: "Ursula K. Le Guin",
        pages: 35,
      },
      {
        startedAt: day(5, 19),
        book: "Piranesi",
        author: "Susanna Clarke",
        pages: 60,
        finishedBook: true,
        thoughts: "A house of endless halls, and a kind narrator.",
      },
      {
        startedAt: day(9, 22),
        book: "Piranesi",
        author: "Susanna Clarke",
        pages: 48,
      },
    ],
  },
  {
    view: "cards",
    template: "expense",
    name: "Expenses",
    entries: [
      ["Weekly groceries", "Marché Bio", 64.2, "groceries", 0, false],
      ["Train to Lyon", "SNCF", 39, "transport", 1, true],
      ["Team lunch", "Chez Léa", 86.5, "eating out", 2, true],
      ["Desk lamp", "Habitat", 45.9, "home", 4, false],
      ["Pharmacy", "Pharmacie du Parc", 12.4, "health", 6, false],
      ["Metro pass", "RATP", 86.4, "transport", 8, false],
    ].map(([title, merchant, amount, category, ago, reimbursable]) => ({
      title,
      merchant,
      amount,
      currency: "EUR",
      category,
      paidOn: day(Number(ago), 12).slice(0, 10),
      reimbursable,
    })),
  },
];

test.use({
  viewport: { width: 1280, height: 1000 },
  colorScheme: "light",
  personName: "Alex Morgan",
});

for (const shot of SHOTS) {
  test(`the ${shot.view} view is captured with realistic data`, async ({
    page,
    api,
    activityPage,
  }) => {
    const created = await api.create({
      name: shot.name,
      schema: templateSchema(shot.template),
    });
    for (const entry of shot.entries) await api.addEntry(created.id, entry);
    await api.settled(created.id);
    // Pinned, so the view in the picture is the one the page names.
    await api.pin(created.id, shot.view);

    await activityPage.goto(created.id);
    await expect(activityPage.selectedTab).toHaveAttribute(
      "data-testid",
      `tab-${shot.view}`,
    );
    await expect(activityPage.view(shot.view)).toBeVisible();
    if (shot.entries.length) {
      await expect(activityPage.samplesLabel).toBeHidden();
    }
    // Nothing may still be loading in the picture, nor hold the focus.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await page.evaluate(() => (document.activeElement as HTMLElement)?.blur());

    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, `${shot.view}.png`);
    await page.screenshot({ path: file, animations: "disabled" });
    expect(statSync(file).size).toBeGreaterThan(10_000);

    if (process.env.E2E_UPDATE_DOCS_SCREENSHOTS === "1") {
      mkdirSync(DOCS, { recursive: true });
      copyFileSync(file, join(DOCS, `${shot.view}.png`));
    }
  });
}
