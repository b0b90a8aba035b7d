import { toActivityDto } from "@/lib/activities/dto";
import { reanalyze } from "@/lib/activities/service";
import { activityIdOf, json, readJson, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(
  async ({ db, userId, request }, params) => {
    const owned = { id: activityIdOf(params), userId };
    const activity = await reanalyze(db, owned, await readJson(request));
    return json({ activity: toActivityDto(activity) }, 202);
  },
);
