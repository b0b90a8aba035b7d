import { benchAnalyzer, type BenchResult } from "../analyzer";
import { figure, say, type SectionResult } from "../lib/report";
import type { BenchContext } from "./context";

const TARGET_MS = 20;

/**
 * The rule-based analyser beside JSON Forms' Generate.uiSchema, through
 * the colleague's bench/analyzer.ts (20 warm-up calls, then 100 timed
 * ones per schema and subject), repeated `runs` times.
 */
export async function analysisSection(
  context: BenchContext,
): Promise<SectionResult> {
  const started = Date.now();
  const runs: BenchResult[][] = [];
  for (let run = 0; run < context.runs; run++) {
    runs.push(await benchAnalyzer());
    say("analysis", `run ${run + 1}/${context.runs} done`);
  }

  const figures = [];
  const schemas = [...new Set(runs[0]!.map((row) => row.schema))];
  for (const schema of schemas) {
    const ours = pick(runs, schema, "analyzeWithRules");
    const theirs = pick(runs, schema, "jsonforms Generate.uiSchema");
    figures.push(
      figure(
        "analysis",
        `rules analyser, ${schema}, median per analysis`,
        "ms",
        ours.map((row) => row.medianMs),
        { target: TARGET_MS },
      ),
      figure(
        "analysis",
        `JSON Forms Generate.uiSchema, ${schema}`,
        "ms",
        theirs.map((row) => row.medianMs),
      ),
      figure(
        "analysis",
        `ratio rules / JSON Forms, ${schema}`,
        "×",
        ours.map((row) => row.ratio),
      ),
    );
  }

  const perCall = runs.flat().map((row) => ({
    schema: row.schema,
    subject: row.subject,
    calls: row.runs,
    medianMs: row.medianMs,
    minMs: row.minMs,
    maxMs: row.maxMs,
  }));
  return {
    section: "analysis",
    seconds: (Date.now() - started) / 1000,
    figures,
    details: {
      perRun: perCall,
      slowestSingleCallMs: Math.max(...perCall.map((row) => row.maxMs)),
    },
  };
}

function pick(runs: BenchResult[][], schema: string, subject: string) {
  return runs.map((rows) =>
    rows.find((row) => row.schema === schema && row.subject === subject)!,
  );
}
