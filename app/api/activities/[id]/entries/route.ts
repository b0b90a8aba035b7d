import { toEntryDto } from "@/lib/activities/dto";
import { addEntry, listOwnedEntries } from "@/lib/activities/service";
import { activityIdOf, json, readJson, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ db, userId }, params) => {
  const owned = { id: activityIdOf(params), userId };
  const entries = await listOwnedEntries(db, owned);
  return json({ entries: entries.map(toEntryDto) });
});

export const POST = route<{ id: string }>(
  async ({ db, userId, request }, params) => {
    const owned = { id: activityIdOf(params), userId };
    const entry = await addEntry(db, owned, await readJson(request));
    return json({ entry: toEntryDto(entry) }, 201);
  },
);
