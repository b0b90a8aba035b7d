import { randomBytes, randomUUID } from "node:crypto";
import { expect, test as base } from "@playwright/test";
import { ActivitiesPage } from "../pages/activities-page";
import { ActivityPage } from "../pages/activity-page";
import { type Account, AuthPage } from "../pages/auth-page";
import { NewActivityPage } from "../pages/new-activity-page";
import { ActivityApi } from "./api";
import { FakeOpenAI } from "./fake-openai";

interface Options {
  /** The name a signed-up person gets; by default the test's title. */
  personName: string | undefined;
}

interface Fixtures {
  /** A fresh person, signed up through the sign-up page. */
  signedIn: Account;
  /** A name no other test uses, so lists can be searched by it. */
  unique: (name: string) => string;
  activities: ActivitiesPage;
  newActivity: NewActivityPage;
  activityPage: ActivityPage;
  auth: AuthPage;
  api: ActivityApi;
  fake: FakeOpenAI;
}

export const test = base.extend<Fixtures & Options>({
  personName: [undefined, { option: true }],

  // Each test is a different client, as different people are. The auth
  // server limits sign-ups per client address (3 within 10 s, counted
  // from the last one), which a suite signing up a person per test would
  // otherwise hit; Next.js keeps a client's X-Forwarded-For as it is.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => {
    const bytes = randomBytes(3);
    const address = `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": address });
  },

  auth: async ({ page }, provide) => {
    await provide(new AuthPage(page));
  },

  signedIn: async ({ auth, personName }, provide, testInfo) => {
    // A visitor without a session is sent to the auth pages first.
    expect(await auth.landing()).not.toBe("app");
    const id = randomUUID().slice(0, 8);
    const account: Account = {
      name: personName ?? `E2E ${testInfo.title.slice(0, 40)}`,
      email: `e2e-${id}@example.test`,
      password: `pw-${randomUUID()}`,
    };
    await auth.signUp(account);
    await provide(account);
  },

  unique: async ({}, provide) => {
    const suffix = randomUUID().slice(0, 6);
    await provide((name) => `${name} ${suffix}`);
  },

  // Page objects and the API client act for the signed-in person.
  activities: async ({ page, signedIn: _ }, provide) => {
    await provide(new ActivitiesPage(page));
  },
  newActivity: async ({ page, signedIn: _ }, provide) => {
    await provide(new NewActivityPage(page));
  },
  activityPage: async ({ page, signedIn: _ }, provide) => {
    await provide(new ActivityPage(page));
  },
  api: async ({ page, signedIn: _ }, provide) => {
    await provide(new ActivityApi(page.request));
  },

  fake: async ({}, provide) => {
    const fake = new FakeOpenAI();
    await fake.reset();
    await provide(fake);
    await fake.reset();
  },
});

export { expect } from "@playwright/test";
