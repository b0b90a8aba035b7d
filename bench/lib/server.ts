import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { RESULTS, ROOT } from "./paths";

/**
 * The bench's environment minus everything that would point a child at a
 * real database, model or Inngest, or change its limits: each server gets
 * only what the bench sets.
 */
export function childEnv(set: Record<string, string>): NodeJS.ProcessEnv {
  const dropped =
    /^(DATABASE_URL|TEST_DATABASE_URL|PGLITE_DIR|OPENAI_|AI_|ANALYSIS_|INNGEST_|BETTER_AUTH_|RATE_LIMIT_|LOG_LEVEL$|NODE_ENV$|PORT$|HOSTNAME$|GITHUB_|GOOGLE_)/;
  const kept = Object.entries(process.env).filter(
    ([key]) => !dropped.test(key),
  );
  const env: Record<string, string | undefined> = {
    ...Object.fromEntries(kept),
    NEXT_TELEMETRY_DISABLED: "1",
    ...set,
  };
  return env as NodeJS.ProcessEnv;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface Running {
  name: string;
  url: string;
  child: ChildProcess;
  log: string;
  stop(): Promise<void>;
}

const live = new Set<Running>();

/** Stops every child this bench started (on exit or Ctrl-C). */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((running) => running.stop()));
}

/** Spawns node with `args` in its own process group, output to a log. */
function startProcess(
  name: string,
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
): Running {
  mkdirSync(RESULTS, { recursive: true });
  const log = join(RESULTS, `${name}.log`);
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ["ignore", openSync(log, "w"), openSync(log, "a")],
    detached: true,
  });
  const running: Running = {
    name,
    url,
    child,
    log,
    stop: () => stopGroup(running),
  };
  live.add(running);
  return running;
}

async function stopGroup(running: Running): Promise<void> {
  live.delete(running);
  const pid = running.child.pid;
  if (pid === undefined || exited(running.child)) return;
  const exitedNow = new Promise((resolve) =>
    running.child.once("exit", resolve),
  );
  signalGroup(pid, "SIGTERM");
  const timeout = new Promise((resolve) => setTimeout(resolve, 5_000));
  if ((await Promise.race([exitedNow.then(() => true), timeout])) !== true) {
    signalGroup(pid, "SIGKILL");
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // The negative PID names the group this bench created for the child.
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves once `url` answers 200; fails early if the child exits. */
async function waitUntilReady(running: Running, url: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited(running.child)) {
      throw new Error(`${running.name} exited early:\n${tail(running.log)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${running.name} did not answer ${url}:\n${tail(running.log)}`,
  );
}

function tail(file: string): string {
  return readFileSync(file, "utf8").split("\n").slice(-30).join("\n");
}

export interface AppOptions {
  name: string;
  /** The build folder (the snapshot). */
  dir: string;
  databaseUrl: string;
  env?: Record<string, string>;
  /** Flags for node itself, e.g. --cpu-prof while looking for a cause. */
  nodeArgs?: string[];
}

/** `next start` on a free port of 127.0.0.1, ready to answer. */
export async function startApp(options: AppOptions): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = childEnv({
    NODE_ENV: "production",
    ANALYSIS_RUNNER: "inline",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    DATABASE_URL: options.databaseUrl,
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    BETTER_AUTH_URL: url,
    // The bench signs up a few people and creates thousands of activities.
    RATE_LIMIT_MAX: "1000000",
    ...options.env,
  });
  const next = join(options.dir, "node_modules/next/dist/bin/next");
  const args = [
    ...(options.nodeArgs ?? []),
    next,
    "start",
    "-p",
    String(port),
    "-H",
    "127.0.0.1",
  ];
  const running = startProcess(options.name, options.dir, args, env, url);
  await waitUntilReady(running, `${url}/api/ping`);
  // Opens the database pool and loads the route before anything is timed.
  await waitUntilReady(running, `${url}/api/health`);
  return running;
}

/** The fake OpenAI-compatible server of the tests, in its own process. */
export async function startFakeOpenAI(
  scenario: Record<string, unknown>,
): Promise<Running & { v1: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const tsx = join(ROOT, "node_modules/tsx/dist/cli.mjs");
  const args = [tsx, "test/fake-openai/cli.ts", "--port", String(port)];
  const running = startProcess("fake-openai", ROOT, args, childEnv({}), url);
  await waitUntilReady(running, `${url}/v1/models`);
  const response = await fetch(`${url}/__fake/scenario`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(scenario),
  });
  if (!response.ok) throw new Error(`fake scenario: ${response.status}`);
  return { ...running, v1: `${url}/v1` };
}

/** How many chat completions the fake has been asked for so far. */
export async function fakeChatCount(fake: Running): Promise<number> {
  const response = await fetch(`${fake.url}/__fake/calls`);
  const body = (await response.json()) as { calls: { path: string }[] };
  return body.calls.filter((call) => call.path.endsWith("/chat/completions"))
    .length;
}
