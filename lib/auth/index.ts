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
  if (!getSessionCookie(source)) return null;
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers: source });
  if (!found) return null;
  const { id, name, email } = found.user;
  return { id, name, email };
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
