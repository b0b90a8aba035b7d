import { randomUUID } from "node:crypto";
import { RENDER_TYPES } from "../pages/activity-page";
import { AuthPage } from "../pages/auth-page";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";
import { templateSchema } from "../support/templates";

test("the sign-up and sign-in pages have no serious accessibility violations", async ({
  browser,
}, testInfo) => {
  // A fresh context: no session, so the auth pages are what one sees.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
  });
  const page = await context.newPage();
  const auth = new AuthPage(page);
  const landed = await auth.landing();
  expect(landed).not.toBe("app");

  for (const path of ["/sign-up", "/sign-in"]) {
    await page.goto(path);
    await expect(auth.submit).toBeVisible();
    await expectNoSeriousA11yViolations(page, path);
  }
  await context.close();
});

test("the list, new activity and activity pages (every tab) have no serious accessibility violations", async ({
  page,
  api,
  activities,
  newActivity,
  activityPage,
  unique,
}) => {
  await activities.goto();
  await expectNoSeriousA11yViolations(
    page,
    "the activities page before any activity",
  );

  const created = await api.create({
    name: unique("Expense"),
    schema: templateSchema("expense"),
  });
  await api.settled(created.id);
  await api.addEntry(created.id, {
    title: "Groceries",
    amount: 42.5,
    currency: "EUR",
    category: "groceries",
  });

  await activities.goto();
  await expect(activities.row(created.name)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the activities list");

  await newActivity.goto();
  await newActivity.pickTemplate("workout");
  await expectNoSeriousA11yViolations(page, "the new activity page");

  await activityPage.goto(created.id);
  await activityPage.expectStatus("COMPLETED");
  for (const type of RENDER_TYPES) {
    await activityPage.openTab(type);
    await expectNoSeriousA11yViolations(page, `the activity page, ${type} tab`);
  }

  // The dialogs, open: focus is trapped in them, so they are what a
  // keyboard or screen reader user meets.
  for (const [button, role, what] of [
    ["edit-activity", "dialog", "the edit dialog"],
    ["delete-activity", "alertdialog", "the delete confirmation"],
  ] as const) {
    await page.getByTestId(button).click();
    await expect(page.getByRole(role)).toBeVisible();
    await expectNoSeriousA11yViolations(page, what);
    await page.keyboard.press("Escape");
    await expect(page.getByRole(role)).toBeHidden();
  }

  await page.goto(`/activities/${randomUUID()}`);
  await expect(page.getByTestId("activity-not-found")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "an activity that is not found");
});
