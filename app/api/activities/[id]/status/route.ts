import { toStatusDto } from "@/lib/activities/dto";
import { getStatus } from "@/lib/activities/service";
import { activityIdOf, json, route } from "@/lib/http/route";

// Polled every few hundred milliseconds while an analysis runs: one
// indexed query, never cached.
export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ db, userId }, params) => {
  const status = await getStatus(db, { id: activityIdOf(params), userId });
  return json(toStatusDto(status));
});
