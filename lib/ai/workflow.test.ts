import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getCachedRender } from "@/db/queries/render-cache";
import { hostileSchema } from "@/lib/ai/fixtures/schemas";
import { createOpenAIAnalyzer } from "@/lib/ai/openai-analyzer";
import { InlineRunner } from "@/lib/analysis/inline-runner";
import { requestAnalysis } from "@/lib/analysis/request";
import { checkRender } from "@/lib/render";
import { newActivity, reload } from "@/test/analysis-fixtures";
import { testBackends, useTestDatabase } from "@/test/db";
import {
  AI_RATIONALE_PREFIX,
  startFakeOpenAI,
  type FakeOpenAI,
} from "@/test/fake-openai";

/**
 * The AI analyser inside the real workflow: the in-process runner, a real
 * database, and the real `openai` client talking to the fake server.
 */
describe.each(testBackends())(
  "the AI analyser in the workflow on $name",
  (backend) => {
    const handle = useTestDatabase(backend);
    let fake: FakeOpenAI;
    let runner: InlineRunner | undefined;

    beforeAll(async () => {
      fake = await startFakeOpenAI();
    });
    afterAll(() => fake.close());
    afterEach(() => {
      runner?.stop();
      runner = undefined;
      fake.reset();
    });

    function start() {
      const analyzer = createOpenAIAnalyzer({
        apiKey: "sk-test",
        model: "fake-model",
        baseURL: fake.url,
        timeoutMs: 5_000,
      });
      runner = new InlineRunner({
        db: async () => handle.db,
        deps: async () => ({ analyzer, fallback: null }),
        retries: 2,
        backoffBaseMs: 2,
        debounceMs: 0,
        sweepEveryMs: null,
      });
      return { runner, identity: analyzer.identity };
    }

    async function analyse(schema: unknown, userId: string) {
      const row = await newActivity(handle.db, schema, userId);
      await requestAnalysis(handle.db, row, {
        reason: "created",
        dispatcher: runner,
      });
      await runner?.idle();
      return reload(handle.db, row);
    }

    it("asks the model once for two activities whose schemas differ only in key order", async () => {
      const { identity } = start();
      const first = {
        type: "object",
        properties: {
          title: { type: "string" },
          finished_on: { type: "string", format: "date" },
        },
      };
      const reordered = {
        properties: {
          finished_on: { format: "date", type: "string" },
          title: { type: "string" },
        },
        type: "object",
      };

      const a = await analyse(first, "ada");
      const b = await analyse(reordered, "bob");

      expect(
        fake.calls().filter((c) => c.path.endsWith("/chat/completions")),
      ).toHaveLength(1);
      expect(a.processingStatus).toBe("COMPLETED");
      expect(b.processingStatus).toBe("COMPLETED");
      expect(a.schemaHash).toBe(b.schemaHash);
      expect(b.schemaRender).toEqual(a.schemaRender);
      expect(a.renderMeta?.cacheHit).toBe(false);
      expect(b.renderMeta?.cacheHit).toBe(true);
      const cached = await getCachedRender(handle.db, {
        schemaHash: a.schemaHash,
        analyzer: identity,
      });
      expect(cached?.hitCount).toBe(1);
    });

    it("stores a valid render for a schema whose text tries to instruct the model", async () => {
      start();
      fake.setScenario({ queue: ["hostile"], default: "good" });

      const saved = await analyse(hostileSchema, "eve");

      expect(saved.processingStatus).toBe("COMPLETED");
      expect(saved.schemaRender).not.toBeNull();
      expect(checkRender(hostileSchema, saved.schemaRender!)).toEqual([]);
      expect(
        saved.schemaRender?.rationale.startsWith(AI_RATIONALE_PREFIX),
      ).toBe(true);
      expect(saved.schemaRender?.rationale).not.toContain("As instructed");
      expect(fake.calls().map((call) => call.behaviour)).toEqual([
        "hostile",
        "good",
      ]);
    });
  },
);
