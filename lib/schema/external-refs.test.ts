import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkEntry } from "@/lib/activities/entry-validator";
import {
  analyzeWithRules,
  checkRender,
  formSchema,
  readSchema,
  RENDER_TYPES,
  renderFor,
  validateJsonSchema,
} from "@/lib/render";
import { generateSamples } from "@/lib/samples";

/**
 * A schema's external references name addresses the server must never
 * call. A local server stands in for such an address and counts every
 * request it gets; each part that reads a schema runs against it.
 */
describe("external references are never fetched", () => {
  let server: Server;
  const requests: string[] = [];
  let base = "";

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? "");
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ type: "string", title: "Fetched!" }));
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function schema() {
    return {
      title: "Run",
      type: "object",
      required: ["at"],
      properties: {
        at: { type: "string", format: "date-time" },
        distance: { $ref: `${base}/length.json` },
        place: { $ref: `${base}/place.json#/definitions/place` },
        route: {
          allOf: [
            { $ref: `${base}/route.json` },
            { properties: { name: { type: "string" } } },
          ],
        },
      },
    };
  }

  it("reads, analyses, checks, samples and validates without a request", async () => {
    const reading = readSchema(schema());
    expect(validateJsonSchema(schema()).ok).toBe(true);
    const render = analyzeWithRules(schema());
    for (const type of RENDER_TYPES) {
      const other = renderFor(schema(), type);
      if (other.ok) expect(checkRender(schema(), other.render)).toEqual([]);
    }
    formSchema(schema());
    generateSamples(schema(), { count: 3 });
    checkEntry(schema(), "external-refs-test", {
      at: "2026-12-01T07:00:00Z",
      distance: { value: 5, unit: "km" },
    });
    // Give any request that was started a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(requests).toEqual([]);
    expect(checkRender(schema(), render)).toEqual([]);
    const distance = reading.fields.find((f) => f.pointer === "/distance");
    expect(distance?.opaque).toBe(true);
    expect(distance?.label).not.toBe("Fetched!");
    expect(render.warnings.join(" ")).toContain(`${base}/length.json`);
    expect(render.warnings.join(" ")).toContain("was not fetched");
  });
});
