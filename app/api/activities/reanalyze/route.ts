import { z } from "zod";
import { AnalyzeInput } from "@/lib/activities/inputs";
import { batchProgress, reanalyzeAll } from "@/lib/analysis/batch";
import { json, readJson, route } from "@/lib/http/route";
import { analysisLimiter } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** Re-analyses every activity of the person (after a model change). */
export const POST = route(async ({ db, userId, request }) => {
  const { bypassCache } = parseInput(AnalyzeInput, await readJson(request));
  analysisLimiter().take(userId);
  const result = await reanalyzeAll(db, userId, { bypassCache });
  return json(result, 202);
});

const ProgressQuery = z.object({
  since: z.iso.datetime({
    offset: true,
    message: "Pass ?since= with the time the batch was requested.",
  }),
});

/** How many of the batch have settled. */
export const GET = route(async ({ db, userId, request }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { since } = parseInput(ProgressQuery, query);
  return json(await batchProgress(db, userId, new Date(since)));
});
