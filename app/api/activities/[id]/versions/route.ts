import { toVersionDto } from "@/lib/activities/dto";
import { listVersions } from "@/lib/activities/service";
import { activityIdOf, json, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ db, userId }, params) => {
  const owned = { id: activityIdOf(params), userId };
  const versions = await listVersions(db, owned);
  return json({ versions: versions.map(toVersionDto) });
});
