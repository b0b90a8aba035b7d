import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, DEBIAN_CHROMIUM } from "./e2e/support/chromium";
import { assignPorts } from "./e2e/support/ports";

/**
 * End-to-end tests against the production build. Global setup builds the
 * app once, starts a fake OpenAI server and two `next start` servers from
 * the same build: `rules` (the rule-based analyser) and `ai` (the OpenAI
 * analyser pointed at the fake). Each is a project with its own baseURL.
 *
 * This file is evaluated in the main process and again in every worker;
 * the ports are picked once, in the main process, and handed down through
 * the environment, which workers inherit.
 */
const ports = await assignPorts();

const launchOptions = existsSync(DEBIAN_CHROMIUM)
  ? { executablePath: DEBIAN_CHROMIUM, args: CHROMIUM_ARGS }
  : {};

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e/.artifacts/test-results",
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  // One PGlite database per server and one shared fake: tests run one at
  // a time so a scenario set by one test is never answered to another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["html", { outputFolder: "e2e/.artifacts/report", open: "never" }],
  ],
  use: {
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 900 },
    launchOptions,
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "rules",
      testDir: "./e2e/rules",
      use: { baseURL: `http://127.0.0.1:${ports.rules}` },
    },
    {
      name: "ai",
      testDir: "./e2e/ai",
      use: { baseURL: `http://127.0.0.1:${ports.ai}` },
    },
  ],
});
