import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

/**
 * A sliding-window limit per person on the requests that cost model time:
 * creating an activity, changing its schema, asking for a re-analysis.
 * Counts live in this process; see "Known limitations" in the README.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts `cost` requests for `key`, or throws a 429 saying when to retry. */
  take(key: string, cost = 1): void {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter(
      (at) => at > now - this.windowMs,
    );
    if (recent.length + cost > this.max) {
      const oldest = recent[0] ?? now;
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((oldest + this.windowMs - now) / 1000),
      );
      throw new AppError(
        "rate_limited",
        `Too many analysis requests: at most ${this.max} every ` +
          `${Math.round(this.windowMs / 60_000)} minutes. ` +
          `Try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
    }
    for (let i = 0; i < cost; i += 1) recent.push(now);
    this.hits.set(key, recent);
  }
}

const holder = globalThis as typeof globalThis & {
  __schemaRenderLimiter?: RateLimiter;
};

/** The process-wide limiter for analysis requests. */
export function analysisLimiter(): RateLimiter {
  const config = env();
  holder.__schemaRenderLimiter ??= new RateLimiter(
    config.RATE_LIMIT_MAX,
    config.RATE_LIMIT_WINDOW_SECONDS * 1000,
  );
  return holder.__schemaRenderLimiter;
}

/** Lets a test use a small limit; null restores the configured one. */
export function setLimiterForTests(limiter: RateLimiter | null): void {
  if (limiter) holder.__schemaRenderLimiter = limiter;
  else delete holder.__schemaRenderLimiter;
}
