import { setTimeout as sleep } from "node:timers/promises";
import { Pool } from "undici";
import { percentile } from "./stats";

export interface OpenLoopResult {
  /** Latency of each 2xx answer, from when its request was due, in ms. */
  latencies: number[];
  /** Answers per second over the whole run, any status. */
  answeredPerSecond: number;
  non2xx: number;
  errors: number;
  /** How late the generator sent requests (p99, ms): its own lag. */
  sendLagP99: number;
}

/**
 * GETs at a fixed rate with evenly spaced arrivals (open loop): request i
 * is due at start + i / rate, whether or not earlier ones were answered,
 * and its latency counts from when it was due, so a stalled server is
 * charged for the wait it caused (no coordinated omission). undici's pool
 * keeps the connections alive and queues requests when all are busy.
 */
export async function openLoop({
  url,
  headers,
  rate,
  seconds,
  connections = 64,
  timeoutMs = 10_000,
}: {
  url: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  connections?: number;
  timeoutMs?: number;
}): Promise<OpenLoopResult> {
  const target = new URL(url);
  const pool = new Pool(target.origin, {
    connections,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const path = `${target.pathname}${target.search}`;
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const lags: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const inFlight: Promise<void>[] = [];

  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    lags.push(Math.max(0, performance.now() - due));
    inFlight.push(
      pool
        .request({ path, method: "GET", headers })
        .then(async (response) => {
          await response.body.dump();
          if (response.statusCode >= 200 && response.statusCode < 300) {
            latencies.push(performance.now() - due);
          } else {
            non2xx += 1;
          }
        })
        .catch(() => {
          errors += 1;
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();

  return {
    latencies,
    answeredPerSecond: (latencies.length + non2xx) / elapsed,
    non2xx,
    errors,
    sendLagP99: percentile(lags, 99),
  };
}
