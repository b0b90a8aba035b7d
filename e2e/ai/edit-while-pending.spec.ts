import { expect, test } from "../support/fixtures";
import { templateSchema } from "../support/templates";

test("a schema edited while its analysis is running ends with the new schema's render, and both versions are listed", async ({
  fake,
  api,
  activityPage,
  unique,
}) => {
  // Every model answer takes 3 s, so the first analysis is still running
  // when the edit is saved.
  await fake.scenario({ default: "good", delayMs: 3_000 });
  const name = unique("Journal");
  const first = { ...templateSchema("reading-log"), title: name };
  const second = { ...templateSchema("expense"), title: name };
  const created = await api.create({ name, schema: first });

  await activityPage.goto(created.id);
  await activityPage.expectStatus(/^(PENDING|PROCESSING)$/, 5_000);
  await activityPage.editSchema(JSON.stringify(second, null, 2));
  await activityPage.expectStatus(/^(PENDING|PROCESSING)$/, 5_000);
  await expect(activityPage.page.getByText("Schema version 2")).toBeVisible();

  await activityPage.expectStatus("COMPLETED");
  await expect(activityPage.rationale).toHaveText(/^\[fake-openai\] /);
  const final = await api.get(created.id);
  expect(final.schemaVersion).toBe(2);
  const layout = JSON.stringify(final.render);
  // Fields of the expense schema, none of the reading log's.
  expect(layout).toContain("/amount");
  expect(layout).not.toContain("/book");
  await expect(
    activityPage.view(final.render?.renderType as "cards"),
  ).toBeVisible();

  await expect(activityPage.versionRows).toHaveCount(2);
  await expect(activityPage.versionRows.nth(0)).toContainText("Version 2");
  await expect(activityPage.versionRows.nth(0)).toContainText("Current");
  await expect(activityPage.versionRows.nth(1)).toContainText("Version 1");
  const versions = await api.versions(created.id);
  expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  expect(versions.find((v) => v.version === 2)?.render?.renderType).toBe(
    final.render?.renderType,
  );
});
