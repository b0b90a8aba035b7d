import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import type { AnalysisRequest, Dispatcher } from "@/lib/analysis/dispatcher";
import {
  errorMessage,
  type RetryPolicy,
  retryDecision,
} from "@/lib/analysis/retry";
import {
  type AnalysisPayload,
  analyzeSchema,
  cacheRender,
  claimActivity,
  failAnalysis,
  recordVersionRender,
  type RunContext,
  saveRender,
  type WorkflowDeps,
} from "@/lib/analysis/steps";
import { sweepStale } from "@/lib/analysis/sweep";
import { env } from "@/lib/env";
import { type Logger, logger } from "@/lib/log";

export interface InlineRunnerOptions {
  db: () => Promise<Db>;
  deps: () => Promise<WorkflowDeps>;
  retries?: number;
  /** The first retry delay; tests make it a few milliseconds. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  concurrency?: number;
  concurrencyPerUser?: number;
  rpm?: number;
  /** How long a request waits for a newer one for the same activity. */
  debounceMs?: number;
  staleMinutes?: number;
  /** How often the sweep runs; null runs none, not even at start. */
  sweepEveryMs?: number | null;
  log?: Logger;
}

interface Job {
  id: string;
  request: AnalysisRequest;
  notBefore: number;
}

interface Running {
  job: Job;
  controller: AbortController;
}

/** Thrown out of a run when its activity was deleted. */
class Cancelled extends Error {}

/**
 * Runs analyses inside the Next.js process, after the response, when no
 * Inngest is configured. It calls the same step functions as the Inngest
 * function, in the same order, with the same retry policy and limits:
 * global and per-owner concurrency, a per-minute cap on model calls, and
 * per-activity coalescing (a newer request replaces a queued older one).
 * Runs with the same schema hash are serialised, so the second one finds
 * the first one's render in the cache instead of calling the model again.
 *
 * Not durable: the queue lives in memory. A restart loses queued work;
 * the sweep (at start and every few minutes) requests it again.
 */
export class InlineRunner implements Dispatcher {
  readonly mode = "inline" as const;
  private readonly queued = new Map<string, Job>();
  private readonly running = new Map<string, Running>();
  private readonly perUser = new Map<string, number>();
  private readonly hashLocks = new KeyedLock();
  private readonly modelCalls: MinuteWindow;
  private readonly policy: RetryPolicy;
  private readonly log: Logger;
  private idleWaiters: (() => void)[] = [];
  private wakeTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping = 0;

  constructor(private readonly options: InlineRunnerOptions) {
    const config = env();
    this.policy = {
      retries: options.retries ?? config.ANALYSIS_RETRIES,
      baseMs: options.backoffBaseMs ?? 1_000,
      maxMs: options.backoffMaxMs ?? 5 * 60_000,
    };
    this.modelCalls = new MinuteWindow(options.rpm ?? config.ANALYSIS_RPM);
    this.log = (options.log ?? logger()).child({ runner: "inline" });
    this.log.warn(
      "analyses run in this process; queued work is not durable across " +
        "restarts (the sweep requests it again)",
    );
    this.startSweeps(options.sweepEveryMs);
  }

  private get limits() {
    const config = env();
    return {
      global: this.options.concurrency ?? config.ANALYSIS_CONCURRENCY,
      perUser:
        this.options.concurrencyPerUser ?? config.ANALYSIS_CONCURRENCY_PER_USER,
      debounceMs:
        this.options.debounceMs ?? config.ANALYSIS_DEBOUNCE_SECONDS * 1_000,
    };
  }

  async dispatch(request: AnalysisRequest): Promise<{ requestId: string }> {
    const queued = this.queued.get(request.activityId);
    // A new activity's first request has no burst to be combined with and
    // runs at once; everything else waits out the debounce period.
    const first =
      request.reason === "created" &&
      queued === undefined &&
      !this.running.has(request.activityId);
    if (queued && sameSchema(queued.request, request)) {
      // The same work is already waiting: one run serves both requests.
      const bypassCache = queued.request.bypassCache || request.bypassCache;
      queued.request = { ...queued.request, bypassCache };
      return { requestId: queued.id };
    }
    // Deleting first moves a replaced request to the back of the line.
    this.queued.delete(request.activityId);
    const job: Job = {
      id: randomUUID(),
      request,
      notBefore: Date.now() + (first ? 0 : this.limits.debounceMs),
    };
    this.queued.set(request.activityId, job);
    this.pump();
    return { requestId: job.id };
  }

  async cancel({
    activityId,
  }: Parameters<Dispatcher["cancel"]>[0]): Promise<void> {
    this.queued.delete(activityId);
    this.running.get(activityId)?.controller.abort(new Cancelled());
    this.pump();
  }

  /** Resolves once nothing is queued, running or sweeping. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the timers; queued work is dropped (tests and shutdown). */
  stop(): void {
    clearInterval(this.sweepTimer);
    clearTimeout(this.wakeTimer);
    this.queued.clear();
    for (const { controller } of this.running.values()) {
      controller.abort(new Cancelled());
    }
    this.settleIdle();
  }

  /** Runs the sweep now, skipping what this runner already holds. */
  async sweep(): Promise<string[]> {
    this.sweeping += 1;
    try {
      const db = await this.options.db();
      const result = await sweepStale(db, {
        dispatcher: this,
        staleMinutes: this.options.staleMinutes,
        isActive: (id) => this.queued.has(id) || this.running.has(id),
        log: this.log,
      });
      return result.requested;
    } finally {
      this.sweeping -= 1;
      this.settleIdle();
    }
  }

  private startSweeps(everyMs: number | null | undefined): void {
    if (everyMs === null) return;
    const run = () => {
      this.sweep().catch((error: unknown) => {
        this.log.error({ err: error }, "sweep failed");
      });
    };
    setImmediate(run);
    this.sweepTimer = setInterval(run, everyMs ?? 5 * 60_000);
    this.sweepTimer.unref();
  }

  private isIdle(): boolean {
    return (
      this.queued.size === 0 && this.running.size === 0 && this.sweeping === 0
    );
  }

  private settleIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Starts every queued job the limits allow; wakes up for the rest. */
  private pump(): void {
    const { global, perUser } = this.limits;
    const now = Date.now();
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const [activityId, job] of this.queued) {
      if (this.running.size >= global) break;
      if (job.notBefore > now) {
        wakeAt = Math.min(wakeAt, job.notBefore);
        continue;
      }
      const owner = job.request.userId;
      if (this.running.has(activityId)) continue;
      if ((this.perUser.get(owner) ?? 0) >= perUser) continue;
      this.queued.delete(activityId);
      this.start(job);
    }
    this.scheduleWake(wakeAt - now);
    this.settleIdle();
  }

  private scheduleWake(delayMs: number): void {
    clearTimeout(this.wakeTimer);
    if (!Number.isFinite(delayMs)) return;
    this.wakeTimer = setTimeout(() => this.pump(), Math.max(0, delayMs));
  }

  private start(job: Job): void {
    const { activityId, userId } = job.request;
    const controller = new AbortController();
    this.running.set(activityId, { job, controller });
    this.perUser.set(userId, (this.perUser.get(userId) ?? 0) + 1);
    void this.execute(job, controller.signal)
      .catch((error: unknown) => {
        this.log.error({ activityId, err: error }, "analysis run crashed");
      })
      .finally(() => {
        this.running.delete(activityId);
        this.perUser.set(userId, (this.perUser.get(userId) ?? 1) - 1);
        this.pump();
      });
  }

  private async execute(job: Job, signal: AbortSignal): Promise<void> {
    const payload: AnalysisPayload = job.request;
    const runId = `inline-${job.id}`;
    const log = this.log.child({ activityId: payload.activityId, runId });
    const run: RunContext = { runId, log };
    const [db, deps] = await Promise.all([
      this.options.db(),
      this.options.deps(),
    ]);

    try {
      await this.steps(db, deps, payload, run, signal);
    } catch (error) {
      if (signal.aborted) {
        log.info("analysis cancelled: the activity was deleted");
        return;
      }
      await this.step("mark-failed", run, signal, () =>
        failAnalysis(db, payload, {
          ...run,
          reason: errorMessage(error),
          fallback: deps.fallback,
        }),
      );
    }
  }

  /** The workflow, in the order the Inngest function runs it. */
  private async steps(
    db: Db,
    deps: WorkflowDeps,
    payload: AnalysisPayload,
    run: RunContext,
    signal: AbortSignal,
  ): Promise<void> {
    const claim = await this.step("claim-activity", run, signal, () =>
      claimActivity(db, payload, run),
    );
    if (claim.outcome !== "claimed") return;

    const { analyzer } = deps;
    const lockKey = `${payload.schemaHash}:${analyzer.identity}`;
    await this.hashLocks.run(lockKey, async () => {
      const analyzed = await this.step("analyze-schema", run, signal, () =>
        analyzeSchema(db, payload, claim, {
          ...run,
          analyzer,
          signal,
          beforeModelCall: () => this.modelCalls.take(signal),
        }),
      );
      const saved = await this.step("save-render", run, signal, () =>
        saveRender(db, payload, analyzed, run),
      );
      if (saved.outcome === "saved") {
        await this.step("record-version-render", run, signal, () =>
          recordVersionRender(db, payload, analyzed),
        );
      }
      await this.step("cache-render", run, signal, () =>
        cacheRender(db, payload, analyzed),
      );
    });
  }

  /** One step with its retries, as Inngest retries a failed step. */
  private async step<T>(
    name: string,
    run: RunContext,
    signal: AbortSignal,
    body: () => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      signal.throwIfAborted();
      try {
        return await body();
      } catch (error) {
        const decision = retryDecision(error, attempt, this.policy);
        if (!decision.retry || signal.aborted) throw error;
        run.log.warn(
          { step: name, attempt, delayMs: decision.delayMs, err: error },
          "step failed; retrying",
        );
        await sleep(decision.delayMs, signal);
      }
    }
  }
}

function sameSchema(a: AnalysisRequest, b: AnalysisRequest): boolean {
  return a.schemaVersion === b.schemaVersion && a.schemaHash === b.schemaHash;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", aborted, { once: true });
  });
}

/** Serialises work per key, first come first served. */
class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, body: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await body();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** At most `limit` starts in any sixty seconds (the model's RPM). */
class MinuteWindow {
  private starts: number[] = [];

  constructor(private readonly limit: number) {}

  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.starts = this.starts.filter((at) => at > now - 60_000);
      const oldest = this.starts[0];
      if (this.starts.length < this.limit || oldest === undefined) {
        this.starts.push(now);
        return;
      }
      await sleep(oldest + 60_000 - now, signal);
    }
  }
}
