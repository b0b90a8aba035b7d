import { randomUUID } from "node:crypto";
import { Api, createInTurn, durations as ms, type Timed } from "../lib/api";
import { freshDatabase } from "../lib/db";
import { figure, say, type SectionResult } from "../lib/report";
import { fakeChatCount, startApp, startFakeOpenAI } from "../lib/server";
import { mean, percentile } from "../lib/stats";
import type { BenchContext } from "./context";

const COUNT = 30;
const WARMUP = 3;
const MODEL_DELAY_MS = 800;
const POLL_EVERY_MS = 5;
const TARGET_OVERHEAD_MS = 100;

/**
 * What the workflow adds around a model call: the OpenAI analyser pointed
 * at the fake OpenAI-compatible server, which answers every chat after a
 * fixed 800 ms. Overhead = p95(create → COMPLETED) − 800 ms.
 */
export async function overheadSection(
  context: BenchContext,
): Promise<SectionResult> {
  const started = Date.now();
  const { dir } = await context.build();
  const database = await freshDatabase("overhead");
  const fake = await startFakeOpenAI({
    default: "good",
    delayMs: MODEL_DELAY_MS,
  });
  const nonce = randomUUID().slice(0, 8);
  try {
    const app = await startApp({
      name: "overhead",
      dir,
      databaseUrl: database.url,
      env: {
        OPENAI_API_KEY: "bench-key",
        OPENAI_BASE_URL: fake.v1,
        ANALYSIS_RPM: "1000000",
        ANALYSIS_DEBOUNCE_SECONDS: "0",
      },
    });
    const api = await new Api(app.url).signUp();
    await createInTurn(api, WARMUP, `w${nonce}`);

    const runs: Timed[][] = [];
    const chats: number[] = [];
    for (let run = 0; run < context.runs; run++) {
      const before = await fakeChatCount(fake);
      const timed = await createInTurn(
        api,
        COUNT,
        `${nonce}r${run}`,
        POLL_EVERY_MS,
      );
      chats.push((await fakeChatCount(fake)) - before);
      runs.push(timed);
      say(
        "overhead",
        `run ${run + 1}/${context.runs}: p95 ${p95(timed).toFixed(0)} ms, ` +
          `${chats.at(-1)} model calls for ${COUNT} activities`,
      );
    }
    await app.stop();

    const all = runs.flat();
    const fallbacks = await database.sql<{ n: number }[]>`
      select count(*)::int as n from activities
      where render_meta->>'fallbackReason' is not null`;
    // The model's latency as the analyser saw it, and the whole run as
    // the server saw it: the gap between them is the workflow's own time.
    const timings = await database.sql<{ model: number; server: number }[]>`
      select (render_meta->>'latencyMs')::float as model,
        extract(epoch from (processed_at - created_at)) * 1000 as server
      from activities where id = any(${all.map((t) => t.id)}::uuid[])`;
    const model = timings.map((row) => Number(row.model));
    const server = timings.map((row) => Number(row.server));
    return {
      section: "overhead",
      seconds: (Date.now() - started) / 1000,
      figures: [
        figure(
          "overhead",
          `create → COMPLETED p95 with an 800 ms model (${COUNT} sequential)`,
          "ms",
          runs.map(p95),
        ),
        figure(
          "overhead",
          "workflow overhead: p95 − 800 ms",
          "ms",
          runs.map((timed) => p95(timed) - MODEL_DELAY_MS),
          { target: TARGET_OVERHEAD_MS },
        ),
        figure(
          "overhead",
          "workflow overhead: p50 − 800 ms",
          "ms",
          runs.map((timed) => percentile(ms(timed), 50) - MODEL_DELAY_MS),
        ),
      ],
      details: {
        count: COUNT,
        modelDelayMs: MODEL_DELAY_MS,
        pollEveryMs: POLL_EVERY_MS,
        modelCallsPerRun: chats,
        notCompleted: all.filter((t) => t.status !== "COMPLETED").length,
        fallbackRenders: fallbacks[0]?.n ?? 0,
        meanPollRttMs: mean(all.map((t) => t.pollRttMs)),
        modelLatencyP50Ms: percentile(model, 50),
        modelLatencyP95Ms: percentile(model, 95),
        serverSideP50Ms: percentile(server, 50),
        serverSideP95Ms: percentile(server, 95),
        postP50Ms: percentile(
          all.map((t) => t.postMs),
          50,
        ),
      },
    };
  } finally {
    await fake.stop();
    await database.drop();
  }
}

function p95(timed: Timed[]): number {
  return percentile(ms(timed), 95);
}
