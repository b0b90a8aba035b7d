import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Api, createAndWait, distinctSchema } from "../lib/api";
import { freshDatabase } from "../lib/db";
import { openLoop } from "../lib/open-loop";
import { figure, say, type Figure, type SectionResult } from "../lib/report";
import { startApp } from "../lib/server";
import { percentile } from "../lib/stats";
import type { BenchContext } from "./context";

const RATES = [100, 250, 500] as const;
const DURATION_S = 20;
const WARMUP_S = 5;
const CONNECTIONS = 64;
const TARGET_RATE = 500;
const TARGET_P99_MS = 20;
const TARGET_RATIO = 1.5;

type Route = "status" | "ping";

interface Sample {
  run: number;
  rate: number;
  route: Route;
  p50: number;
  p99: number;
  /** How late the load generator itself sent (p99, ms). */
  sendLagP99: number;
  requestsPerSecond: number;
  /** Server CPU (user + system) per answered request, from /proc. */
  serverCpuMsPerRequest: number;
  non2xx: number;
  errors: number;
}

/**
 * The status endpoint under fixed request rates (evenly spaced, open loop),
 * beside GET /api/ping in the same server: the same Next.js routing and
 * HTTP stack with no session check and no query, i.e. the limit.
 */
export async function statusSection(
  context: BenchContext,
): Promise<SectionResult> {
  const started = Date.now();
  const { dir } = await context.build();
  const database = await freshDatabase("status");
  try {
    const app = await startApp({
      name: "status",
      dir,
      databaseUrl: database.url,
      env: { ANALYSIS_DEBOUNCE_SECONDS: "0", ANALYSIS_RPM: "1000000" },
    });
    const api = await new Api(app.url).signUp();
    const schema = distinctSchema(randomUUID().slice(0, 8));
    const { id, status } = await createAndWait(api, "polled", schema);
    const urls: Record<Route, string> = {
      status: `${app.url}/api/activities/${id}/status`,
      ping: `${app.url}/api/ping`,
    };

    for (const route of ["status", "ping"] as const) {
      await load(urls[route], api.cookie, TARGET_RATE, WARMUP_S, undefined);
    }
    const samples: Sample[] = [];
    for (let run = 0; run < context.runs; run++) {
      for (const rate of RATES) {
        for (const route of ["status", "ping"] as const) {
          // A fresh session cookie: its signed cache lasts five minutes.
          if (route === "status") await api.signIn();
          const measured = await load(
            urls[route],
            api.cookie,
            rate,
            DURATION_S,
            app.child.pid,
          );
          samples.push({ run, rate, route, ...measured });
          say(
            "status",
            `run ${run + 1} ${rate}/s ${route}: p50 ${measured.p50.toFixed(2)} ms, ` +
              `p99 ${measured.p99.toFixed(2)} ms, ${measured.requestsPerSecond.toFixed(0)} req/s`,
          );
        }
      }
    }
    await app.stop();

    return {
      section: "status",
      seconds: (Date.now() - started) / 1000,
      figures: RATES.flatMap((rate) => figuresAt(samples, rate)),
      details: {
        activityStatus: status,
        durationSeconds: DURATION_S,
        connections: CONNECTIONS,
        samples,
      },
    };
  } finally {
    await database.drop();
  }
}

/**
 * `seconds` of GETs at `rate` per second, evenly spaced. autocannon's
 * rate option sends each connection's quota for a second back to back at
 * the start of that second, which measures bursts rather than the rate.
 */
async function load(
  url: string,
  cookie: string,
  rate: number,
  seconds: number,
  serverPid: number | undefined,
) {
  const cpuBefore = cpuMs(serverPid);
  const result = await openLoop({
    url,
    headers: { cookie },
    rate,
    seconds,
    connections: CONNECTIONS,
  });
  const cpu = cpuMs(serverPid) - cpuBefore;
  const answered = result.latencies.length;
  return {
    serverCpuMsPerRequest: cpu / Math.max(1, answered),
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    sendLagP99: result.sendLagP99,
    requestsPerSecond: result.answeredPerSecond,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** CPU time (user + system) a process has used, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
    .split(") ")[1]!
    .split(" ");
  // utime and stime, in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function figuresAt(samples: Sample[], rate: number): Figure[] {
  const of = (route: Route) =>
    samples.filter((s) => s.rate === rate && s.route === route);
  const status = of("status");
  const ping = of("ping");
  const atTarget = rate === TARGET_RATE;
  return [
    figure(
      "status",
      `status p50 at ${rate} req/s`,
      "ms",
      status.map((s) => s.p50),
    ),
    figure(
      "status",
      `status p99 at ${rate} req/s`,
      "ms",
      status.map((s) => s.p99),
      {
        ...(atTarget ? { target: TARGET_P99_MS } : {}),
      },
    ),
    figure(
      "status",
      `ping p50 at ${rate} req/s`,
      "ms",
      ping.map((s) => s.p50),
    ),
    figure(
      "status",
      `ping p99 at ${rate} req/s`,
      "ms",
      ping.map((s) => s.p99),
    ),
    figure(
      "status",
      `p99 ratio status / ping at ${rate} req/s`,
      "×",
      status.map((s, i) => s.p99 / ping[i]!.p99),
      atTarget ? { target: TARGET_RATIO } : {},
    ),
    figure(
      "status",
      `server CPU per request, status / ping, at ${rate} req/s`,
      "×",
      status.map(
        (s, i) => s.serverCpuMsPerRequest / ping[i]!.serverCpuMsPerRequest,
      ),
    ),
    figure(
      "status",
      `status throughput at ${rate} req/s offered`,
      "req/s",
      status.map((s) => s.requestsPerSecond),
    ),
    figure(
      "status",
      `ping throughput at ${rate} req/s offered`,
      "req/s",
      ping.map((s) => s.requestsPerSecond),
    ),
  ];
}
