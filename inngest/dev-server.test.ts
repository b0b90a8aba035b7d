import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { afterAll, describe, expect, it } from "vitest";
import { createAnalyzeActivity } from "@/inngest/functions/analyze-activity";
import { schemaSubmittedData } from "@/inngest/events";
import {
  pendingActivity,
  reload,
  schemaWith,
  sleep,
  testAnalyzer,
} from "@/test/analysis-fixtures";
import { testBackends, useTestDatabase } from "@/test/db";

/** The Inngest CLI, when this machine has one. */
function findInngest(): string | null {
  const local = "node_modules/.bin/inngest-cli";
  if (existsSync(local)) return local;
  try {
    return execFileSync("which", ["inngest"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

const binary = findInngest();
const DEV_PORT = 8288 + Math.floor(Math.random() * 500);
if (!binary) console.log("skipped: no inngest binary on PATH");

describe("the whole flow through an Inngest Dev Server", () => {
  const handle = useTestDatabase(testBackends()[0]!);
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((cleanup) => cleanup()));

  it.skipIf(!binary)(
    "analyses a submitted schema",
    { timeout: 90_000 },
    async () => {
      const client = new Inngest({
        id: "schema-render",
        isDev: true,
        baseUrl: `http://127.0.0.1:${DEV_PORT}`,
      });
      const analyzer = testAnalyzer();
      const fn = createAnalyzeActivity(
        {
          getDb: async () => handle.db,
          workflow: async () => ({ analyzer, fallback: null }),
        },
        client,
      );
      const server = await listen(serve({ client, functions: [fn] }));
      cleanups.push(() => server.close());
      const { port } = server.address() as AddressInfo;
      const dev = startDevServer(`http://127.0.0.1:${port}/api/inngest`);
      cleanups.push(() => dev.kill("SIGTERM"));
      await waitForFunction(DEV_PORT);

      const row = await pendingActivity(handle.db, schemaWith("distance"));
      await client.send({
        name: "activity/schema.submitted",
        data: schemaSubmittedData({
          ...row,
          activityId: row.id,
          bypassCache: false,
          reason: "dev-server-test",
          requestedAt: new Date().toISOString(),
        }),
      });

      let status = row.processingStatus;
      for (let i = 0; i < 120 && status !== "COMPLETED"; i += 1) {
        await sleep(500);
        status = (await reload(handle.db, row)).processingStatus;
      }
      expect(status).toBe("COMPLETED");
      expect(analyzer.calls).toHaveLength(1);
    },
  );
});

function listen(handler: ReturnType<typeof serve>): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function startDevServer(url: string): ChildProcess {
  return spawn(
    binary ?? "inngest",
    ["dev", "--no-discovery", "-u", url, "--port", String(DEV_PORT)],
    { stdio: "ignore" },
  );
}

/** Waits until the Dev Server has synced the app's functions. */
async function waitForFunction(port: number): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/dev`);
      const body = (await res.json()) as { functions?: unknown[] };
      if (res.ok && (body.functions?.length ?? 0) > 0) return;
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  throw new Error("the Inngest Dev Server did not sync the functions");
}
