import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type RenderCacheRow, renderCache } from "@/db/schema";

export interface CacheKey {
  schemaHash: string;
  analyzer: string;
}

const keyOf = ({ schemaHash, analyzer }: CacheKey) =>
  and(
    eq(renderCache.schemaHash, schemaHash),
    eq(renderCache.analyzer, analyzer),
  );

/** Reads a cached render and counts the hit in the same statement. */
export async function takeCachedRender(
  db: Db,
  key: CacheKey,
): Promise<RenderCacheRow | null> {
  const [row] = await db
    .update(renderCache)
    .set({
      hitCount: sql`${renderCache.hitCount} + 1`,
      lastHitAt: new Date(),
    })
    .where(keyOf(key))
    .returning();
  return row ?? null;
}

/** Stores a render; the first writer wins when two analyses race. */
export async function putCachedRender(
  db: Db,
  row: CacheKey & Pick<RenderCacheRow, "render" | "meta">,
): Promise<void> {
  await db.insert(renderCache).values(row).onConflictDoNothing();
}

export async function getCachedRender(
  db: Db,
  key: CacheKey,
): Promise<RenderCacheRow | null> {
  const [row] = await db.select().from(renderCache).where(keyOf(key));
  return row ?? null;
}
