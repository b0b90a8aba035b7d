export const dynamic = "force-dynamic";

/**
 * Liveness: answers at once, touching nothing. Also the baseline the
 * status endpoint is benchmarked against (docs/benchmarks.md).
 */
export function GET(): Response {
  return Response.json(
    { ok: true },
    { headers: { "cache-control": "no-store" } },
  );
}
