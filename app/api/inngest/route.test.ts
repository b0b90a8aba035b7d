import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { inngestOptions } from "@/inngest/client";
import { parseEnv, resetEnvForTests } from "@/lib/env";
import { functions } from "@/inngest/functions";

const SIGNING_KEY = `signkey-prod-${"ab12".repeat(16)}`;

function handlerFor(vars: Record<string, string>) {
  const client = new Inngest(
    inngestOptions(parseEnv({ NODE_ENV: "test", ...vars })),
  );
  return serve({ client, functions });
}

function unsignedRun(): NextRequest {
  const url = new URL("http://localhost:3000/api/inngest");
  url.searchParams.set("fnId", "schema-render-analyze-activity");
  url.searchParams.set("stepId", "step");
  return new NextRequest(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ event: {}, events: [], steps: {}, ctx: {} }),
  });
}

describe("the Inngest endpoint", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });

  it("the app's own route refuses an unsigned request once a signing key is set", async () => {
    process.env = { ...saved, INNGEST_SIGNING_KEY: SIGNING_KEY };
    delete process.env.INNGEST_DEV;
    resetEnvForTests();
    vi.resetModules();
    const route = await import("@/app/api/inngest/route");

    const response = await route.POST(unsignedRun(), undefined);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "Unauthorized" });
  });

  it("refuses an unsigned request in production mode", async () => {
    const { POST } = handlerFor({ INNGEST_SIGNING_KEY: SIGNING_KEY });

    const response = await POST(unsignedRun(), undefined);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "Unauthorized" });
  });

  it("refuses every run request when no signing key is configured", async () => {
    const { POST } = handlerFor({});

    const response = await POST(unsignedRun(), undefined);

    expect(response.status).toBe(500);
  });

  it("uses dev mode, without signatures, when INNGEST_DEV is set", () => {
    expect(
      inngestOptions(parseEnv({ NODE_ENV: "test", INNGEST_DEV: "1" })).isDev,
    ).toBe(true);
    expect(inngestOptions(parseEnv({ NODE_ENV: "test" })).isDev).toBe(false);
    const url = inngestOptions(
      parseEnv({ NODE_ENV: "test", INNGEST_DEV: "http://127.0.0.1:8288" }),
    );
    expect(url).toMatchObject({
      isDev: true,
      baseUrl: "http://127.0.0.1:8288",
    });
  });
});
