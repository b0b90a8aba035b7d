import type { Field } from "./field";
import { buildGroups } from "./groups";
import {
  buildCards,
  buildForm,
  buildTable,
  buildTimeline,
  type Built,
} from "./layouts";
import { loadValid, readLoaded, type SchemaReading } from "./read-schema";
import { signalsOf, type Signals } from "./signals";
import {
  RENDER_TYPES,
  type Alternative,
  type Layout,
  type RenderType,
  type SchemaRender,
} from "./types";
import { buildUiSchema } from "./ui-schema";
import { clip } from "./text";

/** Changes whenever the rules would answer differently. */
export const RULES_ANALYZER_VERSION = "1.3.0";

export interface AnalyzeOptions {
  /** Pin a render type; the rules still explain and list alternatives. */
  prefer?: RenderType;
}

/** renderFor's answer: the best render of that type, or why none fits. */
export type RenderForResult =
  { ok: true; render: SchemaRender } | { ok: false; reason: string };

/**
 * The rule-based analyser: reads the schema, scores each render type from
 * its fields, and returns the best one with its layout, field groups,
 * uiSchema, a rationale naming the deciding fields and the alternatives.
 * Throws InvalidSchemaError for a schema that is not a JSON Schema.
 */
export function analyzeWithRules(
  schema: unknown,
  options: AnalyzeOptions = {},
): SchemaRender {
  const analysis = analyse(schema);
  const chosen = options.prefer
    ? analysis.scored.find((s) => s.type === options.prefer && s.built.ok)
    : undefined;
  return renderOf(analysis, chosen ?? analysis.scored[0]!);
}

/**
 * The best render of a given type, for the designer who pins it. When the
 * type cannot show these entries at all (cards without a text field to
 * title them, a timeline with nothing to title its items) the answer is
 * `{ ok: false, reason }` rather than a render that would mislead.
 */
export function renderFor(
  schema: unknown,
  renderType: RenderType,
): RenderForResult {
  const analysis = analyse(schema);
  const scored = analysis.scored.find((s) => s.type === renderType)!;
  if (!scored.built.ok) return { ok: false, reason: scored.built.reason };
  return { ok: true, render: renderOf(analysis, scored) };
}

interface Scored {
  type: RenderType;
  score: number;
  built: Built<Layout>;
  /** Why this type fits, naming fields; the rationale or a reason. */
  why: string;
}

interface Analysis {
  reading: SchemaReading;
  signals: Signals;
  /** Every type, applicable ones first, best first. */
  scored: Scored[];
}

function analyse(schema: unknown): Analysis {
  const reading = readLoaded(loadValid(schema));
  const signals = signalsOf(reading);
  const scored = RENDER_TYPES.map((type) => scoreOf(type, signals)).sort(
    (a, b) => rank(b) - rank(a),
  );
  return { reading, signals, scored };
}

function rank(s: Scored): number {
  return s.built.ok ? s.score : -1000 + s.score;
}

function scoreOf(type: RenderType, signals: Signals): Scored {
  switch (type) {
    case "form":
      return { type, built: buildForm(signals), ...formScore(signals) };
    case "table":
      return { type, built: buildTable(signals), ...tableScore(signals) };
    case "timeline":
      return { type, built: buildTimeline(signals), ...timelineScore(signals) };
    case "cards":
      return { type, built: buildCards(signals), ...cardsScore(signals) };
  }
}

type Score = { score: number; why: string };

function formScore(s: Signals): Score {
  const kind = s.reading.rootKind;
  if (kind === "scalar" || kind === "array") {
    const what = kind === "scalar" ? "a single value" : "one list of values";
    return {
      score: 100,
      why: `Each entry is ${what}, so a one-field form is the way to show it.`,
    };
  }
  const count = s.perEntry.length;
  const score =
    2 +
    1.5 * Math.min(s.nestedObjects.length, 3) +
    1.5 * Math.min(s.objectLists.length, 2) +
    1.5 * Math.min(s.longTexts.length, 2) +
    (s.conditionals.length > 0 ? 3 : 0) +
    (s.variants.length > 0 ? 2 : 0) +
    (count > 8 ? 2 : 0) +
    (count > 15 ? 2 : 0) +
    (count > 30 ? 2 : 0) +
    (s.opaque.length > 0 ? 1 : 0) +
    (s.scalars.length === 0 ? 5 : 0);
  return { score, why: formWhy(s) };
}

function formWhy(s: Signals): string {
  const reasons: string[] = [];
  if (s.nestedObjects.length > 0)
    reasons.push(`nested parts (${names(s.nestedObjects)})`);
  if (s.objectLists.length > 0)
    reasons.push(`lists of items (${names(s.objectLists.map(ownerOf(s)))})`);
  if (s.conditionals.length > 0)
    reasons.push(
      `fields that appear on a condition (${names(s.conditionals)})`,
    );
  if (s.variants.length > 0)
    reasons.push(`a choice between shapes (${names(s.variants)})`);
  if (s.longTexts.length > 0) reasons.push(`long text (${names(s.longTexts)})`);
  if (reasons.length === 0) reasons.push(`${s.perEntry.length} fields`);
  const what = joinAnd(reasons.slice(0, 2));
  return `The entry has ${what}, which a form lays out in full.`;
}

function ownerOf(s: Signals): (item: Field) => Field {
  const byPointer = new Map(s.reading.fields.map((f) => [f.pointer, f]));
  return (item) => byPointer.get(item.parent ?? "") ?? item;
}

function tableScore(s: Signals): Score {
  const short = s.shortScalars.length;
  const count = s.perEntry.length;
  const allShort = short === count && short <= 8;
  const score =
    2 +
    0.75 * Math.min(short, 6) +
    (allShort ? 2 : 0) -
    1 * Math.min(s.nestedObjects.length + s.objectLists.length, 3) -
    1.5 * Math.min(s.longTexts.length, 2) -
    (count > 12 ? 2 : 0) -
    (s.conditionals.length > 0 ? 1 : 0) -
    (s.variants.length > 0 ? 1 : 0);
  return {
    score,
    why:
      `Each entry has ${short} short value${short === 1 ? "" : "s"} ` +
      `(${names(s.shortScalars)}) that line up as columns.`,
  };
}

function timelineScore(s: Signals): Score {
  const date = s.eventDate;
  if (!date) {
    // Possible, but rarely what the data is about.
    return {
      score: 0.5,
      why:
        "No field says when an entry happened, so a timeline would place " +
        "entries by when they were logged.",
    };
  }
  const crowd = Math.min(Math.max(0, (s.perEntry.length - 15) * 0.1), 3);
  const score =
    5 +
    1.5 * date.strength +
    (s.endDate ? 0.5 : 0) -
    crowd -
    (s.conditionals.length > 0 ? 1 : 0);
  const title = s.title ? `, titled by ${quote(s.title)}` : "";
  return {
    score,
    why:
      `${quote(date.field)} says when each entry happened, so entries ` +
      `sit in order on a timeline${title}.`,
  };
}

function cardsScore(s: Signals): Score {
  if (!s.title) return { score: 0, why: "" };
  const score =
    2 +
    (s.image ? 5 : 0) +
    // A link with a title and a text reads like a bookmark or an article.
    (!s.image && s.link && s.description ? 2.5 : 0) +
    (s.title.key.match(/title|name|headline/i) ? 1 : 0) +
    (s.description ? 1 : 0) -
    (s.perEntry.length > 15 ? 2 : 0);
  const image = s.image
    ? ` with ${quote(s.image)} as the picture`
    : s.link && s.description
      ? `, its ${quote(s.description)} and a link to ${quote(s.link)}`
      : "";
  return {
    score,
    why: `${quote(s.title)} names each entry on a card${image}.`,
  };
}

function renderOf(analysis: Analysis, chosen: Scored): SchemaRender {
  if (!chosen.built.ok) throw new Error(chosen.built.reason);
  const { reading } = analysis;
  const alternatives: Alternative[] = analysis.scored
    .filter((s) => s !== chosen && s.built.ok)
    .slice(0, 3)
    .map((s) => ({ renderType: s.type, reason: clip(s.why, 300) }));

  return {
    renderType: chosen.type,
    layout: chosen.built.layout,
    fieldGroups: buildGroups(reading.fields),
    uiSchema: buildUiSchema(reading),
    rationale: clip(chosen.why, 600),
    alternatives,
    source: { analyzer: "rules", version: RULES_ANALYZER_VERSION, model: null },
    warnings: reading.warnings,
  };
}

function quote(field: Field): string {
  return `“${field.label}”`;
}

function names(fields: Field[]): string {
  const unique = [...new Set(fields.map((f) => f.label))];
  const shown = unique.slice(0, 3).join(", ");
  return unique.length > 3 ? `${shown}, …` : shown;
}

function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
