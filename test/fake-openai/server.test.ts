import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "@/test/fake-openai";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const control = (path: string, body?: unknown) =>
  fetch(fake.url.replace(/\/v1$/, path), {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const chat = () =>
  fetch(`${fake.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "m", messages: [] }),
  });

describe("fake OpenAI server", () => {
  it("listens on loopback with a /v1 base URL", () => {
    expect(fake.url).toBe(`http://127.0.0.1:${fake.port}/v1`);
  });

  it("serves the model list to the real client", async () => {
    const client = new OpenAI({ apiKey: "sk-test", baseURL: fake.url });
    const models = await client.models.list();

    expect(models.data.map((m) => m.id)).toEqual([
      "fake-model",
      "gpt-4.1-mini",
    ]);
  });

  it("plays a queue set over HTTP, then the default", async () => {
    const set = await control("/__fake/scenario", {
      queue: ["error500", "rate_limited"],
      default: "unauthorized",
    });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await chat()).status);
    const calls = await (await control("/__fake/calls")).json();

    expect(set.status).toBe(200);
    expect(statuses).toEqual([500, 429, 401]);
    expect(calls.count).toBe(3);
    expect(calls.calls.map((c: { behaviour: string }) => c.behaviour)).toEqual([
      "error500",
      "rate_limited",
      "unauthorized",
    ]);
    expect(calls.calls[0].body).toEqual({ model: "m", messages: [] });
  });

  it("adds delayMs to every answer", async () => {
    fake.setScenario({ delayMs: 250 });
    const started = Date.now();
    await chat();

    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("refuses an unknown behaviour with 400 and keeps the scenario", async () => {
    const response = await control("/__fake/scenario", { queue: ["explode"] });
    const scenario = await (await control("/__fake/scenario")).json();

    expect(response.status).toBe(400);
    expect(scenario.queue).toEqual([]);
  });

  it("forgets calls and scenario on reset", async () => {
    fake.setScenario({ default: "error500" });
    await chat();
    const reset = await control("/__fake/reset", {});

    expect(reset.status).toBe(200);
    expect(fake.calls()).toEqual([]);
    expect((await chat()).status).toBe(200);
  });
});

describe("fake OpenAI CLI", () => {
  it("prints its URL and exits on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "test/fake-openai/cli.ts", "--port", "0"],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    const exited = new Promise((r) => child.once("exit", (code) => r(code)));
    const first = await createInterface({ input: child.stdout })
      [Symbol.asyncIterator]()
      .next();
    if (first.done) throw new Error(`the CLI printed nothing: ${stderr}`);
    const url = String(first.value);
    const models = await fetch(`${url}/models`);
    child.kill("SIGTERM");

    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(models.status).toBe(200);
    expect(await exited).toBe(0);
  });
});
