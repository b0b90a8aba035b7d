import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The project root: playwright runs from it, and so do the servers. */
export const ROOT = resolve(import.meta.dirname, "..", "..");
export const ARTIFACTS = join(ROOT, "e2e", ".artifacts");
export const LOGS = join(ARTIFACTS, "logs");
const STATE_FILE = join(ARTIFACTS, "servers.json");

const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** What teardown needs to stop what setup started. */
export interface ServerState {
  pids: { name: string; pid: number }[];
  tempDirs: string[];
}

export function writeState(state: ServerState): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

export function readState(): ServerState | null {
  if (!existsSync(STATE_FILE)) return null;
  return JSON.parse(readFileSync(STATE_FILE, "utf8")) as ServerState;
}

export function clearState(): void {
  rmSync(STATE_FILE, { force: true });
}

/**
 * `next build`, unless E2E_SKIP_BUILD=1 and a build is already there.
 * The output goes to a log file; its tail is printed if the build fails.
 */
export function buildOnce(): void {
  const built = existsSync(join(ROOT, ".next", "BUILD_ID"));
  if (process.env.E2E_SKIP_BUILD === "1" && built) {
    console.log("e2e: E2E_SKIP_BUILD=1, using the existing .next build");
    return;
  }
  mkdirSync(LOGS, { recursive: true });
  const log = join(LOGS, "build.log");
  console.log(`e2e: next build (log: ${log})`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    env: {
      ...cleanEnv(),
      NODE_ENV: "production",
      // Pages are prerendered at build time and parse the environment.
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    } as NodeJS.ProcessEnv,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  writeFileSync(log, output);
  if (result.status !== 0) {
    const tail = output.split("\n").slice(-60).join("\n");
    throw new Error(`next build failed (exit ${result.status}):\n${tail}`);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`e2e: built in ${seconds} s`);
}

/**
 * The environment without anything that would point a server at a real
 * database, a real model or Inngest: the servers get only what we set.
 */
export function cleanEnv(): Env {
  const dropped =
    /^(DATABASE_URL|TEST_DATABASE_URL|PGLITE_DIR|OPENAI_|AI_|ANALYSIS_|INNGEST_|BETTER_AUTH_|PORT$|HOSTNAME$)/;
  const kept = Object.entries(process.env).filter(
    ([key]) => !dropped.test(key),
  );
  return {
    ...Object.fromEntries(kept),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** An environment for a child process (NODE_ENV may be absent). */
export type Env = Record<string, string | undefined>;

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `schema-render-e2e-${prefix}-`));
}

export interface Started {
  name: string;
  child: ChildProcess;
  log: string;
}

/**
 * Starts a process in its own process group, its output in a log file.
 * Node is spawned directly (not through npx) so the PID is the server's.
 */
export function startProcess(name: string, args: string[], env: Env): Started {
  mkdirSync(LOGS, { recursive: true });
  const log = join(LOGS, `${name}.log`);
  const fd = openSync(log, "w");
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", fd, fd],
    detached: true,
  });
  child.unref();
  return { name, child, log };
}

/** `next start` on a port, from the build in .next. */
export function startNext(
  name: string,
  port: number,
  env: Record<string, string>,
): Started {
  return startProcess(
    name,
    [NEXT_BIN, "start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      ...cleanEnv(),
      NODE_ENV: "production",
      ANALYSIS_RUNNER: "inline",
      LOG_LEVEL: "info",
      // Every test signs up its own person; the per-person limit on
      // analysis requests is not what these journeys are about.
      RATE_LIMIT_MAX: "1000",
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
  );
}

/** The fake OpenAI server of the AI analyser's tests, on its own port. */
export function startFakeOpenAI(port: number): Started {
  return startProcess(
    "fake-openai",
    ["--import", "tsx", "test/fake-openai/cli.ts", "--port", String(port)],
    cleanEnv(),
  );
}

/** Resolves once `url` answers 200; fails early if the process exits. */
export async function waitUntilReady(
  started: Started,
  url: string,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null || started.child.signalCode) {
      throw new Error(
        `${started.name} exited (${started.child.exitCode ?? started.child.signalCode}) ` +
          `before it was ready:\n${tail(started.log)}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${started.name} did not answer ${url} within ${timeoutMs} ms:\n${tail(started.log)}`,
  );
}

function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/**
 * Stops a process group by its leader's PID: SIGTERM, then SIGKILL if it
 * is still there after a grace period.
 */
export async function stopProcess(pid: number, graceMs = 5_000): Promise<void> {
  if (!alive(pid)) return;
  signal(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (alive(pid)) signal(pid, "SIGKILL");
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
