import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { figure, type SectionResult } from "../lib/report";
import type { BenchContext } from "./context";

const ROUTE = "/activities/[id]/page";
const TARGET_KB = 250;

interface RouteManifest {
  entryJSFiles?: Record<string, string[]>;
}

/**
 * First-load JavaScript of the activity page, from the build's manifests:
 * the root main files every App Router page loads (React, Next's client,
 * the Turbopack runtime) plus every entry chunk in the route's client
 * reference manifest (root layout, error and not-found boundaries, the
 * page). Each chunk gzipped with zlib at level 9, then summed. Left out:
 * the nomodule polyfills (modern browsers skip them) and chunks loaded on
 * demand (next/dynamic, e.g. the form view's RJSF).
 */
export async function bundleSection(
  context: BenchContext,
): Promise<SectionResult> {
  const started = Date.now();
  const { dir } = await context.build();
  const chunks = firstLoadChunks(join(dir, ".next"));
  const sizes = chunks.map((file) => {
    const raw = readFileSync(join(dir, ".next", file));
    return {
      file,
      bytes: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
    };
  });
  const gzipKb = sizes.reduce((sum, s) => sum + s.gzip, 0) / 1000;
  const rawKb = sizes.reduce((sum, s) => sum + s.bytes, 0) / 1000;
  return {
    section: "bundle",
    seconds: (Date.now() - started) / 1000,
    figures: [
      figure("bundle", "activity page first-load JS, gzip", "kB", [gzipKb], {
        target: TARGET_KB,
        note: "one build; sizes do not vary between runs",
      }),
      figure("bundle", "activity page first-load JS, uncompressed", "kB", [
        rawKb,
      ]),
    ],
    details: { route: ROUTE, chunks: sizes.sort((a, b) => b.gzip - a.gzip) },
  };
}

/** The JS files a first visit to the route loads, by the manifests. */
export function firstLoadChunks(nextDir: string): string[] {
  const build = JSON.parse(
    readFileSync(join(nextDir, "build-manifest.json"), "utf8"),
  ) as { rootMainFiles: string[] };
  const manifestFile = join(
    nextDir,
    "server/app/activities/[id]/page_client-reference-manifest.js",
  );
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST.
  const sandbox: {
    self?: unknown;
    __RSC_MANIFEST?: Record<string, RouteManifest>;
  } = {};
  sandbox.self = sandbox;
  runInNewContext(readFileSync(manifestFile, "utf8"), {
    globalThis: sandbox,
    self: sandbox,
  });
  const route = sandbox.__RSC_MANIFEST?.[ROUTE];
  if (!route?.entryJSFiles) throw new Error(`No entry files for ${ROUTE}`);
  const files = new Set(build.rootMainFiles);
  for (const list of Object.values(route.entryJSFiles)) {
    for (const file of list) files.add(file);
  }
  return [...files].filter((file) => file.endsWith(".js"));
}
