import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  bookListSchema,
  hugeSchema,
  runSchema,
} from "@/lib/ai/fixtures/schemas";
import {
  createOpenAIAnalyzer,
  openAIIdentity,
  type OpenAIAnalyzerOptions,
} from "@/lib/ai/openai-analyzer";
import { PROMPT_VERSION } from "@/lib/ai/prompt";
import { AnalysisError } from "@/lib/analysis/analyzer";
import { checkRender } from "@/lib/render";
import { TEMPLATES } from "@/lib/templates";
import {
  AI_RATIONALE_PREFIX,
  startFakeOpenAI,
  type Behaviour,
  type FakeOpenAI,
} from "@/test/fake-openai";

const bloodPressure = TEMPLATES.find((t) => t.id === "blood-pressure")!;
const API_KEY = "sk-test-0123456789-not-a-real-key";
const context = { activityId: "act_1", runId: "run_1", name: "Running" };
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function analyzer(options: Partial<OpenAIAnalyzerOptions> = {}) {
  return createOpenAIAnalyzer({
    apiKey: API_KEY,
    model: "fake-model",
    baseURL: fake.url,
    timeoutMs: 5_000,
    ...options,
  });
}

function queue(...behaviours: Behaviour[]) {
  fake.setScenario({ queue: behaviours });
}

async function failureOf(promise: Promise<unknown>): Promise<AnalysisError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AnalysisError)) {
    throw new Error(`expected an AnalysisError, got ${String(error)}`);
  }
  return error;
}

type SentMessage = { role: string; content: string | null };
function messagesOf(call: { body: unknown }): SentMessage[] {
  return (call.body as { messages: SentMessage[] }).messages;
}

describe("OpenAI analyser against the fake server", () => {
  it("turns a good tool call into a checked render from the model", async () => {
    const result = await analyzer().analyze(runSchema, context);

    expect(result.render.source).toEqual({
      analyzer: "openai",
      version: `prompt-${PROMPT_VERSION}`,
      model: "fake-model",
    });
    expect(result.render.rationale.startsWith(AI_RATIONALE_PREFIX)).toBe(true);
    expect(checkRender(runSchema, result.render)).toEqual([]);
    expect(result.meta).toMatchObject({
      analyzer: `openai:fake-model@prompt-${PROMPT_VERSION}+127.0.0.1:${fake.port}`,
      model: "fake-model",
      cacheHit: false,
      fallbackReason: null,
    });
    expect(result.meta.tokensIn).toBeGreaterThan(0);
    expect(result.meta.tokensOut).toBeGreaterThan(0);
    expect(result.meta.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("keeps a timeline's detail fields from a good tool call", async () => {
    const schema = bloodPressure.schema;
    const result = await analyzer().analyze(schema, context);

    expect(checkRender(schema, result.render)).toEqual([]);
    expect(result.render.layout).toMatchObject({
      type: "timeline",
      titleField: "/arm",
      detailFields: ["/systolic", "/diastolic", "/pulse", "/position"],
    });
  });

  it("places hints of a list-of-entries schema where RJSF reads them", async () => {
    const result = await analyzer().analyze(bookListSchema, context);

    expect(checkRender(bookListSchema, result.render)).toEqual([]);
    expect(Object.keys(result.render.uiSchema)).toEqual(["items"]);
  });

  it("forces the strict suggest_render tool and sends no retries", async () => {
    await analyzer().analyze(runSchema, context);
    const [call] = fake.calls();
    const body = call?.body as Record<string, unknown>;
    const tools = body.tools as {
      function: { name: string; strict: boolean };
    }[];

    expect(fake.calls()).toHaveLength(1);
    expect(call?.authorized).toBe(true);
    expect(body.model).toBe("fake-model");
    expect(body.tool_choice).toEqual({
      type: "function",
      function: { name: "suggest_render" },
    });
    expect(tools.map((t) => [t.function.name, t.function.strict])).toEqual([
      ["suggest_render", true],
    ]);
    expect(messagesOf(call!).map((m) => m.role)).toEqual(["system", "user"]);
  });

  it("maps 429 with retry-after to rate_limited with retryAfterMs", async () => {
    queue("rate_limited");
    const error = await failureOf(analyzer().analyze(runSchema, context));

    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(7_000);
    expect(error.retryable).toBe(true);
    expect(fake.calls()).toHaveLength(1);
  });

  it("reads retry-after-ms when the provider sends it", async () => {
    queue("rate_limited_ms");
    const error = await failureOf(analyzer().analyze(runSchema, context));

    expect([error.kind, error.retryAfterMs]).toEqual(["rate_limited", 1_500]);
  });

  it("treats an exhausted quota as permanent, not as a rate limit", async () => {
    queue("quota_exceeded");
    const error = await failureOf(analyzer().analyze(runSchema, context));

    expect(error.kind).toBe("permanent");
    expect(error.message).toContain("no quota left");
  });

  it("maps a 500 to transient, without the client retrying", async () => {
    queue("error500", "good");
    const error = await failureOf(analyzer().analyze(runSchema, context));

    expect(error.kind).toBe("transient");
    expect(error.message).toBe(
      "The model server had a temporary problem (500). The analysis can " +
        "be retried.",
    );
    expect(fake.calls()).toHaveLength(1);
  });

  it("maps a hang past the timeout to transient", async () => {
    queue("hang");
    const started = Date.now();
    const error = await failureOf(
      analyzer({ timeoutMs: 300 }).analyze(runSchema, context),
    );

    expect(error.kind).toBe("transient");
    expect(error.message).toContain("did not answer within 300 ms");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("repairs malformed JSON arguments in a second turn", async () => {
    queue("malformed_json", "good");
    const result = await analyzer().analyze(runSchema, context);
    const calls = fake.calls();
    const repair = messagesOf(calls[1]!);

    expect(calls).toHaveLength(2);
    expect(result.render.source.analyzer).toBe("openai");
    expect(repair.map((m) => m.role)).toEqual([
      "system",
      "user",
      "assistant",
      "tool",
    ]);
    expect(repair[3]?.content).toContain("The arguments are not valid JSON");
  });

  it("gives invalid_output when the repair is invalid too", async () => {
    queue("malformed_json", "malformed_json", "good");
    const error = await failureOf(analyzer().analyze(runSchema, context));

    expect(error.kind).toBe("invalid_output");
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("failed the checks twice");
    expect(fake.calls()).toHaveLength(2);
  });

  it("shows the model a field that does not exist in the repair turn", async () => {
    queue("unknown_field", "good");
    const result = await analyzer().analyze(runSchema, context);
    const repair = messagesOf(fake.calls()[1]!);
    const problems = repair.at(-1)?.content ?? "";

    expect(checkRender(runSchema, result.render)).toEqual([]);
    expect(problems).toContain("Your suggest_render call was rejected:");
    expect(problems).toContain("/no_such_field");
  });

  it("asks again when the model answers without the tool", async () => {
    queue("no_tool_call", "good");
    const result = await analyzer().analyze(runSchema, context);
    const repair = messagesOf(fake.calls()[1]!);

    expect(result.render.source.analyzer).toBe("openai");
    expect(repair.slice(2).map((m) => [m.role, m.content])).toEqual([
      ["assistant", "A table would suit this."],
      ["user", expect.stringContaining("You answered without calling")],
    ]);
  });

  it("maps a refusal to permanent", async () => {
    queue("refusal");
    const error = await failureOf(analyzer().analyze(runSchema, context));

    expect(error.kind).toBe("permanent");
    expect(error.message).toContain("The model refused");
    expect(fake.calls()).toHaveLength(1);
  });

  it("maps a content filter stop to permanent", async () => {
    queue("content_filter");
    const error = await failureOf(analyzer().analyze(runSchema, context));

    expect(error.kind).toBe("permanent");
    expect(error.message).toContain("content filter");
  });

  it("maps 401 to permanent with a message naming OPENAI_API_KEY", async () => {
    queue("unauthorized");
    const error = await failureOf(analyzer().analyze(runSchema, context));

    expect(error.kind).toBe("permanent");
    expect(error.message).toBe(
      "The OpenAI API key was rejected (401). Check OPENAI_API_KEY.",
    );
  });

  it("maps 404 to permanent with a message naming OPENAI_MODEL", async () => {
    queue("model_not_found");
    const error = await failureOf(analyzer().analyze(runSchema, context));

    expect(error.kind).toBe("permanent");
    expect(error.message).toBe(
      `Model "fake-model" was not found at 127.0.0.1:${fake.port} (404). ` +
        "Check OPENAI_MODEL and OPENAI_BASE_URL.",
    );
  });

  it("maps a 400 the provider rejects to permanent", async () => {
    queue("bad_request");
    const error = await failureOf(analyzer().analyze(runSchema, context));

    expect(error.kind).toBe("permanent");
    expect(error.message).toBe(
      "The provider rejected the request (400): Invalid schema for " +
        "function 'suggest_render'. Check OPENAI_MODEL and the schema.",
    );
  });

  it("sends a schema over the budget as its field summary", async () => {
    const schema = hugeSchema(400);
    const result = await analyzer().analyze(schema, context);
    const user = messagesOf(fake.calls()[0]!)[1]?.content ?? "";

    expect(JSON.stringify(schema).length).toBeGreaterThan(24_000);
    expect(user.length).toBeLessThan(24_000 + 2_000);
    expect(user).toContain('"schema":null');
    expect(user).toContain('"pointer":"/measure_0"');
    expect(user).not.toContain("Reading number 0.");
    expect(checkRender(schema, result.render)).toEqual([]);
  });

  it("logs the outcome with ids, never the key or the schema", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    queue("unknown_field", "good");
    await analyzer({ logger: pino({ level: "info" }, sink) }).analyze(
      runSchema,
      context,
    );
    const entries = lines.map((line) => JSON.parse(line));
    const done = entries.find((e) => e.outcome);

    expect(done).toMatchObject({
      component: "openai-analyzer",
      activityId: "act_1",
      runId: "run_1",
      model: "fake-model",
      outcome: "repaired",
    });
    expect(done.tokensIn).toBeGreaterThan(0);
    expect(typeof done.latencyMs).toBe("number");
    expect(lines.join("\n")).not.toContain(API_KEY);
    expect(lines.join("\n")).not.toContain('"splits"');
  });
});

describe("openAIIdentity", () => {
  it("names the model and prompt, and the host of a custom server", () => {
    expect(openAIIdentity("gpt-4.1-mini")).toBe(
      `openai:gpt-4.1-mini@prompt-${PROMPT_VERSION}`,
    );
    expect(
      openAIIdentity("llama3.1", "http://user:pw@localhost:11434/v1"),
    ).toBe(`openai:llama3.1@prompt-${PROMPT_VERSION}+localhost:11434`);
  });
});
