import { describe, expect, it } from "vitest";
import { runSchema } from "@/lib/ai/fixtures/schemas";
import { openAIAnalyzerFromEnv } from "@/lib/ai/openai-analyzer";
import { parseEnv } from "@/lib/env";
import { checkRender } from "@/lib/render";

/**
 * One real call to OpenAI, run by hand to check the prompt and the strict
 * tool schema against the live API. Costs a fraction of a cent.
 */

const live =
  Boolean(process.env.OPENAI_API_KEY) && !process.env.OPENAI_BASE_URL;
const SKIP_REASON =
  "live OpenAI smoke test skipped: set OPENAI_API_KEY (and leave " +
  "OPENAI_BASE_URL unset) to run it";

describe("OpenAI analyser, live", () => {
  it("gets a checked render for a run log from the real API", async (ctx) => {
    ctx.skip(!live, SKIP_REASON);
    const analyzer = openAIAnalyzerFromEnv(parseEnv(process.env));

    const result = await analyzer.analyze(runSchema, {
      activityId: "live-smoke",
      runId: "live-smoke",
      name: "Running",
    });

    expect(result.render.source.analyzer).toBe("openai");
    expect(checkRender(runSchema, result.render)).toEqual([]);
    expect(result.meta.tokensIn).toBeGreaterThan(0);
  }, 120_000);
});
