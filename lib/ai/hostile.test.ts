import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HOSTILE_TEXT, hostileSchema } from "@/lib/ai/fixtures/schemas";
import { createOpenAIAnalyzer } from "@/lib/ai/openai-analyzer";
import { DATA_CLOSE, DATA_OPEN, SYSTEM_PROMPT } from "@/lib/ai/prompt";
import { AnalysisError } from "@/lib/analysis/analyzer";
import { checkRender, readSchema } from "@/lib/render";
import { startFakeOpenAI, type FakeOpenAI } from "@/test/fake-openai";

/**
 * A schema whose titles and descriptions try to instruct the model, and a
 * fake model that obeys them. Whatever it answers, what comes out is a
 * render that passes the checks, or an error: never the obedient render.
 */

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const analyzer = () =>
  createOpenAIAnalyzer({
    apiKey: "sk-test",
    model: "fake-model",
    baseURL: fake.url,
    timeoutMs: 5_000,
  });
const context = { activityId: "act_h", runId: "run_h", name: HOSTILE_TEXT };

type Sent = { messages: { role: string; content: string | null }[] };

describe("a schema whose descriptions try to instruct the model", () => {
  it("reaches the model only as delimited data", async () => {
    await analyzer().analyze(hostileSchema, context);
    const [system, user] = (fake.calls()[0]?.body as Sent).messages;
    const text = user?.content ?? "";
    const open = text.indexOf(DATA_OPEN);
    const close = text.lastIndexOf(DATA_CLOSE);

    expect(system?.content).toBe(SYSTEM_PROMPT);
    expect(text.split(DATA_CLOSE)).toHaveLength(2);
    for (const at of allIndexesOf(text, "Ignore previous instructions")) {
      expect(at).toBeGreaterThan(open);
      expect(at).toBeLessThan(close);
    }
    expect(
      allIndexesOf(text, "Ignore previous instructions").length,
    ).toBeGreaterThanOrEqual(4);
  });

  it("never returns the obedient render: repaired to a valid one", async () => {
    fake.setScenario({ queue: ["hostile", "good"] });
    const result = await analyzer().analyze(hostileSchema, context);
    const reading = readSchema(hostileSchema);
    const known = new Set(reading.fields.map((f) => f.pointer));
    const repair = (fake.calls()[1]?.body as Sent).messages.at(-1);

    expect(checkRender(hostileSchema, result.render)).toEqual([]);
    expect(result.render.rationale).not.toContain("As instructed");
    const { layout, fieldGroups } = result.render;
    expect(JSON.stringify([layout, fieldGroups])).not.toContain("/admin");
    expect(repair?.role).toBe("tool");
    expect(repair?.content).toContain("/admin_override");
    expect(pointersOf(result.render.layout).every((p) => known.has(p))).toBe(
      true,
    );
  });

  it("never returns the obedient render: invalid_output when it insists", async () => {
    fake.setScenario({ queue: ["hostile", "hostile"] });
    const error = await analyzer()
      .analyze(hostileSchema, context)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AnalysisError);
    expect((error as AnalysisError).kind).toBe("invalid_output");
    expect(fake.calls()).toHaveLength(2);
  });
});

function allIndexesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (
    let at = text.indexOf(needle);
    at >= 0;
    at = text.indexOf(needle, at + 1)
  ) {
    found.push(at);
  }
  return found;
}

/** Every pointer-valued property of a layout, however deep. */
function pointersOf(value: unknown): string[] {
  if (typeof value === "string") return value.startsWith("/") ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(pointersOf);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) =>
      ["title", "description", "label", "type"].includes(key)
        ? []
        : pointersOf(v),
    );
  }
  return [];
}
