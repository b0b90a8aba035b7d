import { analyzeActivity } from "@/inngest/functions/analyze-activity";
import { sweepStaleAnalyses } from "@/inngest/functions/sweep-stale-analyses";

/** Every function the app serves at /api/inngest. */
export const functions = [analyzeActivity, sweepStaleAnalyses];
