import { Generate } from "@jsonforms/core";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { analyzeWithRules } from "@/lib/render";

/**
 * How long one rule-based analysis takes, beside JSON Forms' own uiSchema
 * generator on the same schema. Run with `npx tsx bench/analyzer.ts`.
 */
export interface BenchResult {
  schema: string;
  subject: "analyzeWithRules" | "jsonforms Generate.uiSchema";
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** This subject's median over JSON Forms' median on the same schema. */
  ratio: number;
}

const ROOT = resolve(import.meta.dirname, "..");
const SHARED = join(ROOT, "../shared/schemas");
const WARMUP = 20;
const RUNS = 100;

export async function benchAnalyzer(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [name, schema] of benchSchemas()) {
    const ours = measure(() => analyzeWithRules(schema));
    const theirs = measure(() => Generate.uiSchema(structuredClone(schema)));
    results.push(
      {
        schema: name,
        subject: "analyzeWithRules",
        ...ours,
        ratio: ours.medianMs / theirs.medianMs,
      },
      {
        schema: name,
        subject: "jsonforms Generate.uiSchema",
        ...theirs,
        ratio: 1,
      },
    );
  }
  return results;
}

function benchSchemas(): [string, Record<string, unknown>][] {
  const list: [string, Record<string, unknown>][] = [];
  for (const file of ["jsonforms/huge", "jsonforms/jsonschema"]) {
    const path = join(SHARED, `${file}.schema.json`);
    if (existsSync(path))
      list.push([file, JSON.parse(readFileSync(path, "utf8"))]);
  }
  list.push(["generated 1,000 properties", generated(1000)]);
  return list;
}

/** A flat object of mixed field kinds, as a large activity might have. */
export function generated(count: number): Record<string, unknown> {
  const kinds = [
    { type: "string", maxLength: 80 },
    { type: "integer", minimum: 0, maximum: 10 },
    { type: "number" },
    { type: "boolean" },
    { type: "string", format: "date" },
    { type: "string", enum: ["a", "b", "c", "d", "e"] },
  ];
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < count; i++)
    properties[`field_${i}`] = kinds[i % kinds.length];
  return { type: "object", properties };
}

function measure(run: () => unknown) {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    runs: RUNS,
    medianMs: times[Math.floor(RUNS / 2)]!,
    minMs: times[0]!,
    maxMs: times[RUNS - 1]!,
  };
}

async function main(): Promise<void> {
  const rows = await benchAnalyzer();
  console.table(
    rows.map((r) => ({
      schema: r.schema,
      subject: r.subject,
      "median ms": r.medianMs.toFixed(2),
      "min ms": r.minMs.toFixed(2),
      "max ms": r.maxMs.toFixed(2),
      ratio: r.ratio.toFixed(2),
    })),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  void main();
}
