import { RENDER_TYPES } from "../pages/activity-page";
import { expect, test } from "../support/fixtures";

/**
 * On the AI server, with the fake model answering after 2 s, so the page
 * is sure to show the analysis unsettled first: the rule-based analyser
 * settles a template's schema before the activity page has loaded.
 */
test("an activity made from a template is analysed while the page watches, and every tab shows its view", async ({
  page,
  fake,
  newActivity,
  activityPage,
  unique,
}) => {
  await fake.scenario({ default: "good", delayMs: 2_000 });
  const name = unique("Blood pressure");
  await newActivity.goto();
  await newActivity.pickTemplate("blood-pressure");
  await newActivity.fill({ name });
  const id = await newActivity.create();

  // A marker on the window survives only if the page is never reloaded.
  await page.evaluate(() => {
    (window as Window & { __e2eNoReload?: boolean }).__e2eNoReload = true;
  });
  await expect(activityPage.heading).toHaveText(name);
  await activityPage.expectStatus(/^(PENDING|PROCESSING)$/, 5_000);
  await expect(activityPage.progress).toBeVisible();
  await activityPage.expectStatus("COMPLETED", 15_000);
  await expect(activityPage.progress).toBeHidden();
  expect(
    await page.evaluate(
      () => (window as Window & { __e2eNoReload?: boolean }).__e2eNoReload,
    ),
  ).toBe(true);
  expect(page.url()).toContain(`/activities/${id}`);

  // The suggested render is the tab that is open, marked as suggested.
  const suggested = await activityPage.suggestedType();
  await expect(activityPage.selectedTab).toHaveAttribute(
    "data-testid",
    `tab-${suggested}`,
  );
  await expect(activityPage.view(suggested)).toBeVisible();
  await expect(activityPage.rationale).toHaveText(/^\[fake-openai\] /);

  for (const type of RENDER_TYPES) {
    await activityPage.openTab(type);
    for (const other of RENDER_TYPES.filter((t) => t !== type)) {
      await expect(activityPage.view(other)).toHaveCount(0);
    }
  }
});
