import { toActivityDto } from "@/lib/activities/dto";
import {
  deleteActivity,
  getOwnedActivity,
  updateActivity,
} from "@/lib/activities/service";
import { activityIdOf, json, readJson, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ db, userId }, params) => {
  const owned = { id: activityIdOf(params), userId };
  return json({ activity: toActivityDto(await getOwnedActivity(db, owned)) });
});

export const PATCH = route<{ id: string }>(
  async ({ db, userId, request }, params) => {
    const owned = { id: activityIdOf(params), userId };
    const updated = await updateActivity(db, owned, await readJson(request));
    return json({ activity: toActivityDto(updated) });
  },
);

export const DELETE = route<{ id: string }>(async ({ db, userId }, params) => {
  await deleteActivity(db, { id: activityIdOf(params), userId });
  return new Response(null, { status: 204 });
});
