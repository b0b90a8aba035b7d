import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type BuildInfo, ensureBuild } from "./lib/build";
import { RESULTS } from "./lib/paths";
import {
  markdownTable,
  SECTIONS,
  say,
  type SectionName,
  type SectionResult,
} from "./lib/report";
import { dropAll } from "./lib/db";
import { stopAll } from "./lib/server";
import { analysisSection } from "./sections/analysis";
import { bundleSection } from "./sections/bundle";
import type { BenchContext } from "./sections/context";
import { burstSection } from "./sections/burst";
import { createSection } from "./sections/create";
import { overheadSection } from "./sections/overhead";
import { statusSection } from "./sections/status";
import { viewsSection } from "./sections/views";

/**
 * `npm run bench [-- --only status,burst] [-- --runs 3]`: every section
 * in turn, a summary table on stdout, raw results in bench/results/.
 * See docs/benchmarks.md for what each section measures and why.
 */

const RUNNERS: Record<
  SectionName,
  (context: BenchContext) => Promise<SectionResult>
> = {
  analysis: analysisSection,
  create: createSection,
  overhead: overheadSection,
  status: statusSection,
  burst: burstSection,
  views: viewsSection,
  bundle: bundleSection,
};

/** The whole bench must end within this; each section has its own bounds. */
const WALL_CLOCK_LIMIT_MS = 20 * 60_000;

function options() {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      runs: { type: "string", default: "3" },
    },
  });
  const only = values.only
    ? values.only.split(",").map((name) => name.trim())
    : [...SECTIONS];
  const unknown = only.filter((name) => !SECTIONS.includes(name as never));
  if (unknown.length) {
    throw new Error(
      `Unknown section ${unknown.join(", ")}; choose from ${SECTIONS.join(", ")}.`,
    );
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 10) {
    throw new Error("--runs must be a whole number from 1 to 10.");
  }
  return { only: only as SectionName[], runs };
}

function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
  };
}

async function main(): Promise<void> {
  const { only, runs } = options();
  let build: Promise<BuildInfo> | undefined;
  const context: BenchContext = {
    runs,
    build: () => (build ??= ensureBuild()),
  };
  const results: SectionResult[] = [];
  const about = { startedAt: new Date().toISOString(), runs, ...machine() };
  say("bench", `sections: ${only.join(", ")}; ${runs} runs each`);

  for (const name of only) {
    const load = loadavg()[0]!.toFixed(2);
    say(name, `starting (load average ${load})`);
    const result = await RUNNERS[name](context);
    result.details.loadAverageAtStart = Number(load);
    results.push(result);
    say(name, `done in ${result.seconds.toFixed(0)} s`);
  }

  const figures = results.flatMap((result) => result.figures);
  const report = {
    ...about,
    build: build ? await build : null,
    finishedAt: new Date().toISOString(),
    results,
  };
  mkdirSync(RESULTS, { recursive: true });
  const stamp = about.startedAt.replace(/[:.]/g, "-");
  const json = JSON.stringify(report, null, 2);
  writeFileSync(join(RESULTS, `bench-${stamp}.json`), json);
  writeFileSync(join(RESULTS, "latest.json"), json);
  writeFileSync(join(RESULTS, "latest.md"), `${markdownTable(figures)}\n`);
  console.log(markdownTable(figures));
  console.log(`\nRaw results: ${join(RESULTS, "latest.json")}`);
}

const limit = setTimeout(() => {
  console.error(`The bench ran over ${WALL_CLOCK_LIMIT_MS / 60_000} minutes.`);
  void cleanUp().finally(() => process.exit(1));
}, WALL_CLOCK_LIMIT_MS);
limit.unref();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .catch((error: unknown) => {
    console.error(
      error instanceof Error ? (error.stack ?? error.message) : error,
    );
    process.exitCode = 1;
  })
  .finally(() => cleanUp());

/** Servers first (they hold connections), then the databases. */
async function cleanUp(): Promise<void> {
  await stopAll();
  await dropAll();
}
