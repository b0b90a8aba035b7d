import { previewSchema } from "@/lib/activities/preview";
import { json, readJson, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(async ({ request }) => {
  return json(await previewSchema(await readJson(request)));
});
