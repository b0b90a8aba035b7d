import { JSONSchemaFaker } from "json-schema-faker";

/**
 * Sample entries for an activity that has no real entries yet, so a
 * designer can judge a render on data of the right shape. The generator is
 * seeded from the schema text, so the same schema always shows the same
 * samples (on the server, in the browser and between reloads).
 */

export interface SampleResult {
  entries: SampleEntry[];
  /** Why fewer entries than asked for were made, in words for a person. */
  error: string | null;
}

export interface SampleEntry {
  id: string;
  data: unknown;
  occurredAt: string;
}

export interface SampleOptions {
  count?: number;
  /** Sample dates fall in the 60 days before this instant. */
  anchor?: Date;
  /** Stop early when generation is slow (very large schemas). */
  budgetMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function generateSamples(
  schema: unknown,
  options: SampleOptions = {},
): SampleResult {
  const { count = 12, budgetMs = 400 } = options;
  const anchor = options.anchor ?? startOfUtcDay(new Date());
  if (!isSchemaLike(schema)) {
    return { entries: [], error: "The schema is not a JSON object." };
  }

  const prepared = prepareSchema(schema);
  const random = mulberry32(hashString(JSON.stringify(schema)));
  configureFaker(random, anchor);

  const entries: SampleEntry[] = [];
  const started = Date.now();
  try {
    for (let i = 0; i < count; i++) {
      if (i > 0 && Date.now() - started > budgetMs) break;
      const data = JSONSchemaFaker.generate(prepared as never);
      const offset = Math.floor(random() * 60 * DAY_MS);
      entries.push({
        id: `sample-${i + 1}`,
        data,
        occurredAt: new Date(anchor.getTime() - offset).toISOString(),
      });
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      entries,
      error: `Sample data could not be generated: ${firstLine(reason)}`,
    };
  }
  return { entries, error: null };
}

function configureFaker(random: () => number, anchor: Date): void {
  JSONSchemaFaker.option({
    random,
    alwaysFakeOptionals: true,
    fillProperties: false,
    ignoreMissingRefs: true,
    failOnInvalidTypes: false,
    failOnInvalidFormat: false,
    useExamplesValue: true,
    useDefaultValue: false,
    refDepthMax: 2,
    minItems: 1,
    maxItems: 3,
    maxLength: 60,
    minDateTime: new Date(anchor.getTime() - 60 * DAY_MS),
    maxDateTime: anchor,
  });
}

/**
 * A copy of the schema the faker can use safely and that gives believable
 * values: references outside the document are dropped (the faker would
 * otherwise try to fetch them), and unbounded numbers get a small range
 * instead of values in the millions.
 */
export function prepareSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(prepareSchema);
  if (!isSchemaLike(schema)) return schema;

  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) {
      continue;
    }
    out[key] = prepareSchema(value);
  }
  if (isNumeric(out.type)) boundNumbers(out);
  return out;
}

function boundNumbers(node: Record<string, unknown>): void {
  inclusiveBounds(node);
  const min = numberOr(node.minimum);
  const max = numberOr(node.maximum);
  if (min === null && max === null) {
    node.minimum = 0;
    node.maximum = node.type === "integer" ? 100 : 200;
  } else if (min === null && max !== null) {
    node.minimum = Math.min(0, max - 100);
  } else if (max === null && min !== null) {
    node.maximum = min + 100;
  }
}

/**
 * The faker reads exclusiveMinimum/Maximum the draft-04 way (a boolean
 * beside minimum), so numeric ones (draft-06 on) become inclusive bounds
 * one step inside.
 */
function inclusiveBounds(node: Record<string, unknown>): void {
  const step =
    typeof node.multipleOf === "number"
      ? node.multipleOf
      : node.type === "integer"
        ? 1
        : 0.01;
  const { exclusiveMinimum: low, exclusiveMaximum: high } = node;
  if (typeof low === "number") {
    node.minimum = Math.max(numberOr(node.minimum) ?? -Infinity, low + step);
    delete node.exclusiveMinimum;
  }
  if (typeof high === "number") {
    node.maximum = Math.min(numberOr(node.maximum) ?? Infinity, high - step);
    delete node.exclusiveMaximum;
  }
}

function numberOr(...values: unknown[]): number | null {
  for (const value of values) if (typeof value === "number") return value;
  return null;
}

function isNumeric(type: unknown): boolean {
  return type === "number" || type === "integer";
}

function isSchemaLike(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function firstLine(text: string): string {
  return text.split("\n")[0]?.slice(0, 160) ?? "";
}

function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

/** A small, fast, seedable PRNG; good enough for believable sample data. */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a stable 32-bit seed from the schema's text. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
