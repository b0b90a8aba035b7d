import { round, type Spread, spread } from "./stats";

export const SECTIONS = [
  "analysis",
  "create",
  "overhead",
  "status",
  "burst",
  "views",
  "bundle",
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** One measured figure; a target is always an upper bound. */
export interface Figure {
  section: SectionName;
  name: string;
  unit: string;
  value: Spread;
  target: number | null;
  met: boolean | null;
  note?: string;
}

export interface SectionResult {
  section: SectionName;
  seconds: number;
  figures: Figure[];
  /** Everything else worth keeping: per-run raw numbers, counts, setup. */
  details: Record<string, unknown>;
}

export function figure(
  section: SectionName,
  name: string,
  unit: string,
  runs: readonly number[],
  options: { target?: number; note?: string } = {},
): Figure {
  const value = spread(runs.map((run) => round(run, 3)));
  const target = options.target ?? null;
  return {
    section,
    name,
    unit,
    value,
    target,
    met: target === null ? null : value.median <= target,
    ...(options.note ? { note: options.note } : {}),
  };
}

const started = Date.now();

/** A progress line on stderr, with the seconds since the bench began. */
export function say(section: string, message: string): void {
  const at = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${at}s] ${section}: ${message}\n`);
}

function show(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
}

/** The figures as a Markdown table, as docs/benchmarks.md shows them. */
export function markdownTable(figures: readonly Figure[]): string {
  const lines = [
    "| section | figure | median | min | max | target | met |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const f of figures) {
    const target = f.target === null ? "—" : `≤ ${show(f.target, f.unit)}`;
    const met = f.met === null ? "—" : f.met ? "yes" : "**no**";
    lines.push(
      `| ${f.section} | ${f.name} | ${show(f.value.median, f.unit)} | ` +
        `${show(f.value.min, f.unit)} | ${show(f.value.max, f.unit)} | ` +
        `${target} | ${met} |`,
    );
  }
  return lines.join("\n");
}
