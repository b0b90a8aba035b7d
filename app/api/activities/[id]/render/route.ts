import { toActivityDto } from "@/lib/activities/dto";
import { pinRender, unpinRender } from "@/lib/activities/service";
import { activityIdOf, json, readJson, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const PUT = route<{ id: string }>(
  async ({ db, userId, request }, params) => {
    const owned = { id: activityIdOf(params), userId };
    const pinned = await pinRender(db, owned, await readJson(request));
    return json({ activity: toActivityDto(pinned) });
  },
);

export const DELETE = route<{ id: string }>(async ({ db, userId }, params) => {
  const owned = { id: activityIdOf(params), userId };
  return json({ activity: toActivityDto(await unpinRender(db, owned)) });
});
