import { randomUUID } from "node:crypto";
import { ActivitiesPage } from "../pages/activities-page";
import { expect, test } from "../support/fixtures";

// Uses no signed-in fixture: the visitor starts without a session.

test("a visitor is sent to the auth pages, and a person can sign up, sign out and sign in again", async ({
  page,
  auth,
}) => {
  const activities = new ActivitiesPage(page);
  const landed = await auth.landing();
  expect(landed).toMatch(/^sign-(up|in)$/);

  await page.goto("/activities/new");
  await expect(page).toHaveURL(/\/sign-(up|in)/);
  await expect(auth.submit).toBeVisible();

  const account = {
    name: "Sam Rivera",
    email: `e2e-${randomUUID().slice(0, 8)}@example.test`,
    password: `pw-${randomUUID()}`,
  };
  await auth.signUp(account);
  await activities.goto();
  await expect(page.getByText(account.name)).toBeVisible();

  await auth.signOut();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);

  await auth.signIn(account);
  await activities.goto();
  await expect(auth.signOutButton).toBeVisible();
});
