import { toActivityDto, toSummaryDto } from "@/lib/activities/dto";
import { createActivity, listOwnedActivities } from "@/lib/activities/service";
import { json, readJson, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ db, userId }) => {
  const rows = await listOwnedActivities(db, userId);
  return json({ activities: rows.map(toSummaryDto) });
});

export const POST = route(async ({ db, userId, request }) => {
  const created = await createActivity(db, userId, await readJson(request));
  return json({ activity: toActivityDto(created) }, 201);
});
