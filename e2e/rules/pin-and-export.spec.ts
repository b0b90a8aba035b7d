import { readFile } from "node:fs/promises";
import { RENDER_TYPES } from "../pages/activity-page";
import { expect, test } from "../support/fixtures";
import { templateSchema } from "../support/templates";

test("a designer pins another render, it stays pinned after a reload, and the uiSchema download equals the render's", async ({
  page,
  api,
  activityPage,
  unique,
}) => {
  const created = await api.create({
    name: unique("Reading log"),
    schema: templateSchema("reading-log"),
  });
  const analysed = await api.settled(created.id);
  expect(analysed.status).toBe("COMPLETED");

  await activityPage.goto(created.id);
  const suggested = await activityPage.suggestedType();
  const other = RENDER_TYPES.find(
    (type) => type !== suggested && type !== "form",
  );
  if (!other) throw new Error("no other render type to pin");

  await activityPage.pin(other);
  await expect(
    activityPage.tab(other).getByTestId("suggested-badge"),
  ).toHaveText("Pinned");

  await page.reload();
  await expect(activityPage.selectedTab).toHaveAttribute(
    "data-testid",
    `tab-${other}`,
  );
  await expect(
    activityPage.tab(other).getByTestId("suggested-badge"),
  ).toHaveText("Pinned");
  await expect(activityPage.pinButton).toHaveAttribute("data-pinned", "true");
  await expect(activityPage.unpinButton).toBeVisible();
  const pinned = await api.get(created.id);
  expect(pinned.renderPinned).toBe(true);
  expect(pinned.render?.renderType).toBe(other);

  const download = await activityPage.downloadUiSchema();
  expect(download.suggestedFilename()).toMatch(/\.uischema\.json$/);
  const content = await readFile(await download.path(), "utf8");
  expect(JSON.parse(content)).toEqual(pinned.render?.uiSchema);
});
