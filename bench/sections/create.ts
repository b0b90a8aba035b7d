import { randomUUID } from "node:crypto";
import { Api, createInTurn, durations as ms, type Timed } from "../lib/api";
import { freshDatabase } from "../lib/db";
import { figure, say, type SectionResult } from "../lib/report";
import { startApp } from "../lib/server";
import { mean, percentile } from "../lib/stats";
import type { BenchContext } from "./context";

const COUNT = 200;
const WARMUP = 10;
const POLL_EVERY_MS = 5;
const TARGET_P95_MS = 250;

/**
 * Create → COMPLETED with the rule-based analyser and the in-process
 * runner: activities created one after another through the HTTP API, each
 * with a schema no other activity has (so the render cache never answers),
 * and a status poll every 5 ms until the status settles.
 */
export async function createSection(
  context: BenchContext,
): Promise<SectionResult> {
  const started = Date.now();
  const { dir } = await context.build();
  const database = await freshDatabase("create");
  const nonce = randomUUID().slice(0, 8);
  try {
    const app = await startApp({
      name: "create",
      dir,
      databaseUrl: database.url,
      // The workflow's own cost; the shipped settings are measured below.
      env: { ANALYSIS_DEBOUNCE_SECONDS: "0", ANALYSIS_RPM: "1000000" },
    });
    const api = await new Api(app.url).signUp();
    await createInTurn(api, WARMUP, `w${nonce}`);

    const runs: Timed[][] = [];
    for (let run = 0; run < context.runs; run++) {
      const timed = await createInTurn(
        api,
        COUNT,
        `${nonce}r${run}`,
        POLL_EVERY_MS,
      );
      runs.push(timed);
      say(
        "create",
        `run ${run + 1}/${context.runs}: p50 ${percentile(ms(timed), 50).toFixed(1)} ms, ` +
          `p95 ${percentile(ms(timed), 95).toFixed(1)} ms`,
      );
    }
    await app.stop();

    const serverSide = await Promise.all(
      runs.map((timed) => databaseDurations(database.sql, timed)),
    );

    // The same journey with every setting at its default (debounce and
    // model-call limit included), warmed up the same way.
    const shippedApp = await startApp({
      name: "create-shipped",
      dir,
      databaseUrl: database.url,
    });
    const shippedApi = await new Api(shippedApp.url).signUp();
    await createInTurn(shippedApi, WARMUP, `w${nonce}shipped`);
    const shipped = await createInTurn(
      shippedApi,
      COUNT,
      `${nonce}shipped`,
      POLL_EVERY_MS,
    );
    await shippedApp.stop();
    say(
      "create",
      `shipped debounce: p95 ${percentile(ms(shipped), 95).toFixed(0)} ms`,
    );

    const all = runs.flat();
    const notCompleted = all.filter((t) => t.status !== "COMPLETED").length;
    return {
      section: "create",
      seconds: (Date.now() - started) / 1000,
      figures: [
        figure(
          "create",
          `create → COMPLETED p50 (${COUNT} sequential, debounce 0)`,
          "ms",
          runs.map((timed) => percentile(ms(timed), 50)),
        ),
        figure(
          "create",
          `create → COMPLETED p95 (${COUNT} sequential, debounce 0)`,
          "ms",
          runs.map((timed) => percentile(ms(timed), 95)),
          { target: TARGET_P95_MS },
        ),
        figure(
          "create",
          "server side p95 (processed_at − created_at)",
          "ms",
          serverSide.map((list) => percentile(list, 95)),
        ),
        figure(
          "create",
          `create → COMPLETED p95 as shipped (default settings, ${COUNT} sequential, 1 run)`,
          "ms",
          [percentile(ms(shipped), 95)],
          { target: TARGET_P95_MS },
        ),
      ],
      details: {
        count: COUNT,
        pollEveryMs: POLL_EVERY_MS,
        notCompleted,
        meanPollRttMs: mean(all.map((t) => t.pollRttMs)),
        meanPollsPerActivity: mean(all.map((t) => t.polls)),
        postP50Ms: percentile(
          all.map((t) => t.postMs),
          50,
        ),
        postP95Ms: percentile(
          all.map((t) => t.postMs),
          95,
        ),
        perRun: runs.map((timed, run) => ({
          p50: percentile(ms(timed), 50),
          p95: percentile(ms(timed), 95),
          max: Math.max(...ms(timed)),
          serverP50: percentile(serverSide[run]!, 50),
          serverP95: percentile(serverSide[run]!, 95),
        })),
        shipped: {
          count: COUNT,
          p50: percentile(ms(shipped), 50),
          p95: percentile(ms(shipped), 95),
        },
      },
    };
  } finally {
    await database.drop();
  }
}

/** processed_at − created_at per activity: what the server itself saw. */
async function databaseDurations(
  sql: import("postgres").Sql,
  timed: Timed[],
): Promise<number[]> {
  const ids = timed.map((t) => t.id);
  const rows = await sql<{ ms: number }[]>`
    select extract(epoch from (processed_at - created_at)) * 1000 as ms
    from activities where id = any(${ids}::uuid[])`;
  return rows.map((row) => Number(row.ms));
}
