import "server-only";
import { user } from "@/db/auth-schema";
import type { Db } from "@/db/client";

export async function anyUserExists(db: Db): Promise<boolean> {
  const rows = await db.select({ id: user.id }).from(user).limit(1);
  return rows.length > 0;
}
