import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runSchema } from "@/lib/ai/fixtures/schemas";
import { createOpenAIAnalyzer } from "@/lib/ai/openai-analyzer";
import { PROMPT_VERSION } from "@/lib/ai/prompt";
import { AnalysisError, type Analyzer } from "@/lib/analysis/analyzer";
import {
  fallbackRender,
  rulesAnalyzer,
  selectAnalyzer,
  selectFallback,
  withFallback,
} from "@/lib/analysis/select-analyzer";
import { parseEnv } from "@/lib/env";
import { RULES_ANALYZER_VERSION, analyzeWithRules } from "@/lib/render";
import { startFakeOpenAI, type FakeOpenAI } from "@/test/fake-openai";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const context = { activityId: "act_s", runId: "run_s" };

function configWith(vars: Record<string, string>) {
  return parseEnv({ NODE_ENV: "test", ...vars });
}

function failing(error: unknown): Analyzer {
  return {
    identity: "failing",
    analyze: () => Promise.reject(error),
  };
}

describe("selectAnalyzer", () => {
  it("picks the rule-based analyser when no API key is set", () => {
    const analyzer = selectAnalyzer(configWith({}));

    expect(analyzer).toBe(rulesAnalyzer);
    expect(analyzer.identity).toBe(`rules@${RULES_ANALYZER_VERSION}`);
  });

  it("picks the OpenAI analyser with a key, honouring model and URL", async () => {
    const analyzer = selectAnalyzer(
      configWith({
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: fake.url,
        OPENAI_MODEL: "tiny-model",
      }),
    );
    const result = await analyzer.analyze(runSchema, context);
    const body = fake.calls()[0]?.body as { model: string };

    expect(analyzer.identity).toBe(
      `openai:tiny-model@prompt-${PROMPT_VERSION}+127.0.0.1:${fake.port}`,
    );
    expect(body.model).toBe("tiny-model");
    expect(result.render.source).toMatchObject({
      analyzer: "openai",
      model: "tiny-model",
    });
  });

  it("defaults to gpt-4.1-mini on api.openai.com", () => {
    const analyzer = selectAnalyzer(configWith({ OPENAI_API_KEY: "sk-test" }));

    expect(analyzer.identity).toBe(
      `openai:gpt-4.1-mini@prompt-${PROMPT_VERSION}`,
    );
  });

  it("returns the model's analyser as is, without a fallback", async () => {
    fake.setScenario({ default: "unauthorized" });
    const analyzer = selectAnalyzer(
      configWith({ OPENAI_API_KEY: "sk-bad", OPENAI_BASE_URL: fake.url }),
    );
    const error = await analyzer
      .analyze(runSchema, context)
      .catch((e: unknown) => e);

    expect((error as AnalysisError).kind).toBe("permanent");
  });
});

describe("selectFallback", () => {
  it("gives fallbackRender for the AI analyser unless AI_FALLBACK=0", () => {
    const key = { OPENAI_API_KEY: "sk-test" };

    expect(selectFallback(configWith(key))).toBe(fallbackRender);
    expect(selectFallback(configWith({ ...key, AI_FALLBACK: "0" }))).toBe(null);
    expect(selectFallback(configWith({}))).toBe(null);
  });
});

describe("rulesAnalyzer", () => {
  it("returns the rule-based render with rules metadata", async () => {
    const result = await rulesAnalyzer.analyze(runSchema, context);

    expect(result.render).toEqual(analyzeWithRules(runSchema));
    expect(result.meta).toMatchObject({
      analyzer: `rules@${RULES_ANALYZER_VERSION}`,
      model: null,
      tokensIn: null,
      tokensOut: null,
      cacheHit: false,
      fallbackReason: null,
    });
  });
});

describe("withFallback", () => {
  it("answers a permanent model failure with the rules render", async () => {
    fake.setScenario({ default: "unauthorized" });
    const model = createOpenAIAnalyzer({
      apiKey: "sk-bad",
      model: "fake-model",
      baseURL: fake.url,
      timeoutMs: 5_000,
    });
    const result = await withFallback(model).analyze(runSchema, context);

    expect(result.render).toEqual(analyzeWithRules(runSchema));
    expect(result.meta.analyzer).toBe(`rules@${RULES_ANALYZER_VERSION}`);
    expect(result.meta.fallbackReason).toBe(
      "The AI model failed: The OpenAI API key was rejected (401). Check " +
        "OPENAI_API_KEY.",
    );
  });

  it("keeps the primary's identity", () => {
    expect(withFallback(failing(new Error("x"))).identity).toBe("failing");
  });

  it("rethrows failures a retry may cure", async () => {
    for (const kind of [
      "transient",
      "rate_limited",
      "invalid_output",
    ] as const) {
      const error = new AnalysisError(kind, `it was ${kind}`);
      const thrown = await withFallback(failing(error))
        .analyze(runSchema, context)
        .catch((e: unknown) => e);

      expect(thrown).toBe(error);
    }
  });
});

describe("fallbackRender", () => {
  it("gives the rules render with the reason recorded", () => {
    const result = fallbackRender(runSchema, "5 attempts timed out.");

    expect(result.render).toEqual(analyzeWithRules(runSchema));
    expect(result.meta.analyzer).toBe(`rules@${RULES_ANALYZER_VERSION}`);
    expect(result.meta.fallbackReason).toBe(
      "The AI model failed: 5 attempts timed out.",
    );
  });
});
