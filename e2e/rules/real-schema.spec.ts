import { expect, test } from "../support/fixtures";
import { sharedSchemaText } from "../support/schemas";

const OMH = "activity-like/omh-physical-activity-1.2.schema.json";

// Its four field shapes live in other files (activity-name-1.x.json...),
// which the app never fetches.
const UNRESOLVED = [
  "/activity_name",
  "/effective_time_frame",
  "/distance",
  "/kcal_burned",
];

test("a real schema with external references gets a table, lists what it could not resolve, and logged entries show in table, cards and timeline", async ({
  newActivity,
  activityPage,
  unique,
}) => {
  const text = sharedSchemaText(OMH);
  test.skip(text === null, `../shared/schemas/${OMH} is not on this machine`);

  await newActivity.goto();
  await newActivity.fill({ name: unique("Physical activity (OMH)") });
  await newActivity.setSchema(text ?? "");
  await newActivity.create();
  await activityPage.expectStatus("COMPLETED");

  // Two short values per entry (intensity, MET) line up as columns.
  expect(await activityPage.suggestedType()).toBe("table");
  await expect(activityPage.view("table")).toBeVisible();
  for (const pointer of UNRESOLVED) {
    await expect(
      activityPage.warnings.getByRole("listitem").filter({ hasText: pointer }),
    ).toHaveCount(1);
  }

  await activityPage.openTab("form");
  const form = activityPage.view("form");
  await activityPage.field("activity_name").fill("Running");
  await activityPage.field("met_value").fill("7.5");
  await form.getByRole("radio", { name: "vigorous" }).check();
  await activityPage.submitEntry();
  await activityPage.field("activity_name").fill("Cycling");
  await activityPage.field("met_value").fill("5.25");
  await form.getByRole("radio", { name: "moderate" }).check();
  await activityPage.submitEntry();

  await activityPage.openTab("table");
  await expect(activityPage.samplesLabel).toBeHidden();
  const rows = activityPage.view("table").getByTestId("table-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "vigorous" })).toContainText("7.5");
  await expect(rows.filter({ hasText: "moderate" })).toContainText("5.25");

  await activityPage.openTab("cards");
  const cards = activityPage.view("cards").getByTestId("card");
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: "vigorous" })).toContainText("7.5");
  await expect(cards.filter({ hasText: "moderate" })).toContainText("5.25");

  // The schema's only date lives in an unloaded file, so the timeline
  // places the entries by when they were logged: the newest first.
  await activityPage.openTab("timeline");
  const timeline = activityPage.view("timeline");
  await expect(timeline).toContainText("when each entry was logged");
  const items = timeline.getByTestId("timeline-item");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText("moderate");
  await expect(items.last()).toContainText("vigorous");
});
