import { randomUUID } from "node:crypto";
import { Api, distinctSchema, sleep } from "../lib/api";
import { type BenchDatabase, freshDatabase } from "../lib/db";
import { figure, say, type SectionResult } from "../lib/report";
import { startApp } from "../lib/server";
import type { BenchContext } from "./context";

const ACTIVITIES = 500;
const DISTINCT = 250;
const PEOPLE = 5;
/** POSTs in flight at once while the burst is sent. */
const IN_FLIGHT = 25;
const CONCURRENCY = "10";
const DRAIN_LIMIT_MS = 120_000;
/** How long the as-shipped run (ANALYSIS_RPM=60) is watched. */
const SHIPPED_WATCH_MS = 35_000;
const POLL_EVERY_MS = 100;
const TARGET_DRAIN_S = 60;

interface Burst {
  sendMs: number;
  /** From the first POST until every activity settled; null if it did not. */
  drainMs: number | null;
  settled: number;
  statuses: Record<string, number>;
  analyzerCalls: number;
  cacheHits: number;
  cacheRows: number;
  cacheHitCount: number;
  distinctHashes: number;
  maxProcessing: number;
}

/**
 * 500 activities requested at once by five people, each schema used
 * twice, with the in-process runner limited to 10 analyses at a time.
 * Analyser calls are counted from the saved renders: an activity whose
 * render_meta says cacheHit=false got its render from an analyser call,
 * cross-checked with the render_cache rows and their hit counts.
 */
export async function burstSection(
  context: BenchContext,
): Promise<SectionResult> {
  const started = Date.now();
  const { dir } = await context.build();
  const database = await freshDatabase("burst");
  const nonce = randomUUID().slice(0, 8);
  try {
    const app = await startApp({
      name: "burst",
      dir,
      databaseUrl: database.url,
      // ANALYSIS_RPM caps model calls; the in-process runner applies it to
      // the rule-based analyser too, so it is lifted here and the shipped
      // value is watched separately below.
      env: { ANALYSIS_CONCURRENCY: CONCURRENCY, ANALYSIS_RPM: "1000000" },
    });
    const people = await signUpPeople(app.url);
    const runs: Burst[] = [];
    for (let run = 0; run < context.runs; run++) {
      const burst = await sendBurst(
        people,
        database,
        `${nonce}r${run}`,
        DRAIN_LIMIT_MS,
      );
      runs.push(burst);
      say(
        "burst",
        `run ${run + 1}/${context.runs}: drained in ${seconds(burst.drainMs)}, ` +
          `${burst.analyzerCalls} analyser calls for ${burst.distinctHashes} schemas`,
      );
    }
    await app.stop();

    const shippedApp = await startApp({
      name: "burst-shipped",
      dir,
      databaseUrl: database.url,
      env: { ANALYSIS_CONCURRENCY: CONCURRENCY },
    });
    const shipped = await sendBurst(
      await signUpPeople(shippedApp.url),
      database,
      `${nonce}shipped`,
      SHIPPED_WATCH_MS,
    );
    await shippedApp.stop();
    say(
      "burst",
      `as shipped (ANALYSIS_RPM=60): ${shipped.settled}/${ACTIVITIES} settled ` +
        `after ${SHIPPED_WATCH_MS / 1000} s`,
    );

    return {
      section: "burst",
      seconds: (Date.now() - started) / 1000,
      figures: [
        figure(
          "burst",
          `time to drain ${ACTIVITIES} (${DISTINCT} distinct), concurrency 10`,
          "s",
          // A burst that did not drain counts as the whole watch.
          runs.map((b) => (b.drainMs ?? DRAIN_LIMIT_MS) / 1000),
          { target: TARGET_DRAIN_S },
        ),
        figure(
          "burst",
          "analyser calls (render_meta.cacheHit = false)",
          "calls",
          runs.map((b) => b.analyzerCalls),
          { target: DISTINCT },
        ),
        figure(
          "burst",
          `time to send the ${ACTIVITIES} POSTs (${IN_FLIGHT} in flight)`,
          "s",
          runs.map((b) => b.sendMs / 1000),
        ),
        figure(
          "burst",
          `as shipped (ANALYSIS_RPM=60): settled after ${SHIPPED_WATCH_MS / 1000} s (1 run)`,
          "of 500",
          [shipped.settled],
        ),
      ],
      details: {
        activities: ACTIVITIES,
        distinct: DISTINCT,
        people: PEOPLE,
        runs,
        shipped,
      },
    };
  } finally {
    await database.drop();
  }
}

function seconds(ms: number | null): string {
  return ms === null ? "not drained" : `${(ms / 1000).toFixed(1)} s`;
}

async function signUpPeople(base: string): Promise<Api[]> {
  const people: Api[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const api = new Api(base, `10.0.0.${i + 1}`);
    people.push(await api.signUp(`Burst ${i}`));
  }
  return people;
}

/** Every distinct schema twice, in a shuffled (but repeatable) order. */
function burstSchemas(tag: string): Record<string, unknown>[] {
  const schemas = Array.from({ length: DISTINCT }, (_, k) =>
    distinctSchema(`${tag}s${k}`),
  );
  const list = [...schemas, ...schemas];
  let seed = 42;
  for (let i = list.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

async function sendBurst(
  people: Api[],
  database: BenchDatabase,
  tag: string,
  watchMs: number,
): Promise<Burst> {
  const schemas = burstSchemas(tag);
  const ids: string[] = [];
  const started = performance.now();
  let next = 0;
  const sender = async () => {
    while (next < schemas.length) {
      const index = next++;
      const person = people[index % people.length]!;
      ids.push(
        await person.createActivity(`burst ${tag} #${index}`, schemas[index]),
      );
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
  const sendMs = performance.now() - started;

  let drainMs: number | null = null;
  let maxProcessing = 0;
  let statuses: Record<string, number> = {};
  while (performance.now() - started < watchMs) {
    statuses = await countStatuses(database, ids);
    maxProcessing = Math.max(maxProcessing, statuses.PROCESSING ?? 0);
    if (settledOf(statuses) === ids.length) {
      drainMs = performance.now() - started;
      break;
    }
    await sleep(POLL_EVERY_MS);
  }
  return {
    sendMs,
    drainMs,
    settled: settledOf(statuses),
    statuses,
    maxProcessing,
    ...(await countCalls(database, ids)),
  };
}

function settledOf(statuses: Record<string, number>): number {
  return (
    (statuses.COMPLETED ?? 0) + (statuses.FAILED ?? 0) + (statuses.SKIPPED ?? 0)
  );
}

async function countStatuses(database: BenchDatabase, ids: string[]) {
  const rows = await database.sql<{ status: string; n: number }[]>`
    select processing_status as status, count(*)::int as n
    from activities where id = any(${ids}::uuid[]) group by 1`;
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

async function countCalls(database: BenchDatabase, ids: string[]) {
  const [saved] = await database.sql<
    { calls: number; hits: number; hashes: number }[]
  >`
    select
      count(*) filter (where render_meta->>'cacheHit' = 'false')::int as calls,
      count(*) filter (where render_meta->>'cacheHit' = 'true')::int as hits,
      count(distinct schema_hash)::int as hashes
    from activities where id = any(${ids}::uuid[])`;
  const [cache] = await database.sql<{ rows: number; hits: number }[]>`
    select count(*)::int as rows, coalesce(sum(hit_count), 0)::int as hits
    from render_cache where schema_hash in (
      select schema_hash from activities where id = any(${ids}::uuid[]))`;
  return {
    analyzerCalls: saved?.calls ?? 0,
    cacheHits: saved?.hits ?? 0,
    distinctHashes: saved?.hashes ?? 0,
    cacheRows: cache?.rows ?? 0,
    cacheHitCount: cache?.hits ?? 0,
  };
}
