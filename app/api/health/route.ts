import { getDb } from "@/db/client";
import { healthReport } from "@/lib/analysis/health";
import { errorResponse, json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Database, runner and queue health; 503 when the database is down. */
export async function GET(request: Request): Promise<Response> {
  try {
    const report = await healthReport(await getDb());
    return json(report, report.ok ? 200 : 503);
  } catch (error) {
    return errorResponse(error, request);
  }
}
