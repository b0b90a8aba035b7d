import "server-only";
import { getSessionCookie } from "better-auth/cookies";
import { headers as requestHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/server";
import { AppError } from "@/lib/errors";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in person of these request headers, or null. */
export async function sessionUser(
  headers?: Headers,
): Promise<SignedInUser | null> {
  const source = headers ?? (await requestHeaders());
  // No session cookie, no session: answer without opening the database
  // (this is also what keeps `next build` from touching it).
  const token = getSessionCookie(source);
  if (!token) return null;

  const key = source.get("cookie") ?? token;
  const remembered = recentSessions.get(key);
  if (remembered && remembered.until > Date.now()) return remembered.user;

  const auth = await getAuth();
  const found = await auth.api.getSession({ headers: source });
  const user = found
    ? { id: found.user.id, name: found.user.name, email: found.user.email }
    : null;
  remember(key, user);
  return user;
}

/**
 * The status endpoint is polled several times a second; checking the
 * signed session cookie each time costs more than the query it guards. A
 * signed-in person's cookie is trusted for a few seconds after it was
 * checked, so a sign-out takes that long to reach this process's cache.
 */
const SESSION_MEMORY_MS = 5_000;
const MAX_REMEMBERED = 2_000;
const recentSessions = new Map<string, { user: SignedInUser; until: number }>();

function remember(key: string, user: SignedInUser | null): void {
  if (!user) {
    recentSessions.delete(key);
    return;
  }
  if (recentSessions.size >= MAX_REMEMBERED) {
    const oldest = recentSessions.keys().next().value;
    if (oldest !== undefined) recentSessions.delete(oldest);
  }
  recentSessions.set(key, { user, until: Date.now() + SESSION_MEMORY_MS });
}

/** Forgets remembered sessions (sign-out in this process, tests). */
export function forgetSessions(): void {
  recentSessions.clear();
}

/**
 * The person a route handler or server action acts for. Everything the
 * app reads or writes is scoped by this id.
 */
export async function currentUserId(headers?: Headers): Promise<string> {
  const user = await sessionUser(headers);
  if (!user) {
    throw new AppError("unauthorized", "Sign in to continue.");
  }
  return user.id;
}

/** For pages: the signed-in person, or a redirect to sign in. */
export async function pageUser(): Promise<SignedInUser> {
  const user = await sessionUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For pages that only need the id; redirects to sign in without one. */
export async function pageUserId(): Promise<string> {
  return (await pageUser()).id;
}
