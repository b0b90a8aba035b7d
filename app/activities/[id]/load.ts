import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { toActivityDto, toEntryDto, toVersionDto } from "@/lib/activities/dto";
import {
  getOwnedActivity,
  listOwnedEntries,
  listVersions,
} from "@/lib/activities/service";
import { pageUserId } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { analyzeWithRules, formSchema, renderFor } from "@/lib/render";
import { RENDER_TYPES, type RenderType } from "@/lib/render/types";
import type { RenderOutcome, RenderOutcomes } from "@/lib/client/preview";
import { generateSamples } from "@/lib/samples";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The activity for the page, or null when it is not this person's. */
export const loadActivity = cache(async (id: string) => {
  if (!UUID.test(id)) return null;
  const [db, userId] = await Promise.all([getDb(), pageUserId()]);
  try {
    const row = await getOwnedActivity(db, { id, userId });
    return { db, userId, activity: toActivityDto(row) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
});

/** Everything the activity page shows, loaded in parallel. */
export async function loadActivityPage(id: string) {
  const loaded = await loadActivity(id);
  if (!loaded) return null;
  const { db, userId, activity } = loaded;
  const owned = { id, userId };

  const [entries, versions] = await Promise.all([
    listOwnedEntries(db, owned),
    listVersions(db, owned),
  ]);
  const schema = activity.schema;
  return {
    activity,
    entries: entries.map(toEntryDto),
    versions: versions.map(toVersionDto),
    outcomes: outcomesFor(schema),
    rulesRender: activity.render
      ? null
      : attempt(() => analyzeWithRules(schema)),
    formSchema: attempt(() => formSchema(schema)) ?? schema,
    samples: generateSamples(schema, { count: 12 }),
  };
}

function outcomesFor(schema: unknown): RenderOutcomes {
  const outcome = (type: RenderType): RenderOutcome =>
    attempt(() => renderFor(schema, type)) ?? {
      ok: false,
      reason: "The rules could not read this schema.",
    };
  return Object.fromEntries(
    RENDER_TYPES.map((type) => [type, outcome(type)]),
  ) as RenderOutcomes;
}

/**
 * A saved schema was valid when saved, so the rules should not throw on
 * it; if they do (a rules change), the page still shows what it can.
 */
function attempt<T>(make: () => T): T | null {
  try {
    return make();
  } catch {
    return null;
  }
}
