import { expect, test } from "../support/fixtures";
import { templateSchema } from "../support/templates";

const AI_MARK = "[fake-openai]";

/**
 * The AI server calls the fake OpenAI server with three attempts per
 * analysis (ANALYSIS_RETRIES=2). Each activity gets its own schema
 * title, so no test is answered from another's cached render.
 */
test.describe("the AI analyser through the fake model", () => {
  test("a model error is retried and the AI's render is saved", async ({
    fake,
    api,
    activityPage,
    unique,
  }) => {
    await fake.scenario({ queue: ["error500"], default: "good" });
    const name = unique("Blood pressure");
    const created = await api.create({
      name,
      schema: { ...templateSchema("blood-pressure"), title: name },
    });

    await activityPage.goto(created.id);
    await activityPage.expectStatus("COMPLETED");
    await expect(activityPage.rationale).toHaveText(/^\[fake-openai\] /);
    await expect(activityPage.fallbackNote).toBeHidden();
    await expect(activityPage.failed).toBeHidden();

    const calls = await fake.chatCalls();
    expect(calls.map((call) => call.behaviour)).toEqual(["error500", "good"]);
    expect(calls.every((call) => call.authorized)).toBe(true);
    const saved = await api.get(created.id);
    expect(saved.render?.rationale.startsWith(AI_MARK)).toBe(true);
    expect(saved.render?.source.analyzer).toBe("openai");
  });

  test("a model that keeps failing settles with the reason shown, and retry works once it recovers", async ({
    fake,
    api,
    activityPage,
    unique,
  }) => {
    await fake.scenario({ default: "error500" });
    const name = unique("Reading log");
    const created = await api.create({
      name,
      schema: { ...templateSchema("reading-log"), title: name },
    });

    await activityPage.goto(created.id);
    await activityPage.expectStatus(/^(COMPLETED|FAILED)$/);
    // With AI_FALLBACK on (the default) the rules stand in; without it
    // the analysis fails. Either way the page says what went wrong.
    const outcome = activityPage.fallbackNote.or(activityPage.failed);
    await expect(outcome).toBeVisible();
    await expect(outcome).toContainText(/server had an error|500/i);
    await expect(activityPage.rationale).not.toHaveText(/^\[fake-openai\]/);
    expect(await fake.chatCalls()).toHaveLength(3);

    await fake.scenario({ default: "good" });
    await activityPage.retryButton.click();
    await activityPage.expectStatus(/^(PENDING|PROCESSING)$/, 5_000);
    await activityPage.expectStatus("COMPLETED");
    await expect(activityPage.rationale).toHaveText(/^\[fake-openai\] /);
    await expect(outcome).toBeHidden();
    expect((await fake.chatCalls()).at(-1)?.behaviour).toBe("good");
  });
});
