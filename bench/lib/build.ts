import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { childEnv } from "./server";
import { RESULTS, ROOT, SNAPSHOT } from "./paths";
import { say } from "./report";

const EXCLUDED = [
  "/node_modules",
  "/.next",
  "/.git",
  "/.data",
  "/.env*",
  "/.bench-node-modules",
  "/e2e/.artifacts",
  "/bench/results",
  "/test-results",
  "/playwright-report",
  "/coverage",
  "*.tsbuildinfo",
];
const STAMP = join(SNAPSHOT, ".next", "bench-stamp");
const BUILD_TIMEOUT_MS = 10 * 60_000;

export interface BuildInfo {
  dir: string;
  reused: boolean;
  seconds: number;
}

/**
 * Copies the sources to the snapshot and runs `next build` there, unless
 * the snapshot's build was made from exactly these files (same paths,
 * sizes and modification times) and finished.
 */
export async function ensureBuild(): Promise<BuildInfo> {
  const started = Date.now();
  mkdirSync(SNAPSHOT, { recursive: true });
  execFileSync("rsync", [
    "-a",
    "--delete",
    ...EXCLUDED.map((pattern) => `--exclude=${pattern}`),
    `${ROOT}/`,
    `${SNAPSHOT}/`,
  ]);
  linkNodeModules();

  const fingerprint = sourceFingerprint(SNAPSHOT);
  const built =
    existsSync(join(SNAPSHOT, ".next", "BUILD_ID")) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === fingerprint;
  if (built) {
    say("build", `sources unchanged; reusing the build in ${SNAPSHOT}`);
    return { dir: SNAPSHOT, reused: true, seconds: 0 };
  }

  rmSync(STAMP, { force: true });
  await nextBuild();
  writeFileSync(STAMP, fingerprint);
  const seconds = Math.round((Date.now() - started) / 1000);
  say("build", `built in ${seconds} s`);
  return { dir: SNAPSHOT, reused: false, seconds };
}

/**
 * Hard links (same inodes, no extra space) rather than a symlink:
 * Turbopack refuses a node_modules that points outside the project.
 */
function linkNodeModules(): void {
  const lock = readFileSync(join(ROOT, "package-lock.json"));
  const want = createHash("sha256").update(lock).digest("hex");
  const marker = join(SNAPSHOT, ".bench-node-modules");
  const target = join(SNAPSHOT, "node_modules");
  if (existsSync(target) && existsSync(marker)) {
    if (readFileSync(marker, "utf8") === want) return;
  }
  say("build", "linking node_modules into the snapshot");
  rmSync(target, { recursive: true, force: true });
  execFileSync("cp", ["-al", join(ROOT, "node_modules"), target]);
  writeFileSync(marker, want);
}

/**
 * Paths, sizes and modification times of what goes into the build. The
 * bench itself, the docs and the e2e tests do not change the app, so
 * editing them does not cost a rebuild.
 */
function sourceFingerprint(dir: string): string {
  const hash = createHash("sha256");
  const skip = new Set([
    "node_modules",
    ".next",
    ".bench-node-modules",
    "bench",
    "docs",
    "e2e",
  ]);
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      if (folder === dir && skip.has(name)) continue;
      const path = join(folder, name);
      const stat = statSync(path);
      if (name.endsWith(".md")) continue;
      if (stat.isDirectory()) walk(path);
      else
        hash.update(`${relative(dir, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  walk(dir);
  return hash.digest("hex");
}

function nextBuild(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const logPath = join(RESULTS, "build.log");
  say("build", `next build in ${SNAPSHOT} (log: ${logPath})`);
  const log = openSync(logPath, "w");
  const child = spawn(
    process.execPath,
    [join(SNAPSHOT, "node_modules/next/dist/bin/next"), "build"],
    {
      cwd: SNAPSHOT,
      env: childEnv({
        NODE_ENV: "production",
        // Pages that are prerendered at build time parse the environment.
        BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      }),
      stdio: ["ignore", log, log],
    },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`next build took over ${BUILD_TIMEOUT_MS / 60_000} min`),
      );
    }, BUILD_TIMEOUT_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const tail = readFileSync(logPath, "utf8").split("\n").slice(-40);
      reject(new Error(`next build failed (${code}):\n${tail.join("\n")}`));
    });
  });
}
