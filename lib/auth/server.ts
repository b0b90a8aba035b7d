import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@/db/client";
import { getDb } from "@/db/client";
import { account, session, user, verification } from "@/db/auth-schema";
import { authSecret } from "@/lib/auth/secret";
import { type Env, env } from "@/lib/env";

function socialProviders(config: Env) {
  return {
    ...(config.GITHUB_CLIENT_ID && config.GITHUB_CLIENT_SECRET
      ? {
          github: {
            clientId: config.GITHUB_CLIENT_ID,
            clientSecret: config.GITHUB_CLIENT_SECRET,
          },
        }
      : {}),
    ...(config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET
      ? {
          google: {
            clientId: config.GOOGLE_CLIENT_ID,
            clientSecret: config.GOOGLE_CLIENT_SECRET,
          },
        }
      : {}),
  };
}

/**
 * Without BETTER_AUTH_URL the app answers on whatever local port it was
 * started on (dev, tests, benchmarks); a deployment names its public URL.
 */
function baseURL(config: Env) {
  if (config.BETTER_AUTH_URL) return config.BETTER_AUTH_URL;
  return {
    allowedHosts: ["localhost:*", "127.0.0.1:*", "[::1]:*", "localhost"],
    fallback: "http://localhost:3000",
  };
}

export function createAuth(db: Db, config: Env = env()) {
  const production = config.NODE_ENV === "production";
  const https = config.BETTER_AUTH_URL?.startsWith("https://") ?? false;
  return betterAuth({
    appName: "Schema Render",
    secret: authSecret(config),
    baseURL: baseURL(config),
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user, session, account, verification },
    }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
    },
    socialProviders: socialProviders(config),
    session: {
      // A signed cookie answers "who is this?" for five minutes without a
      // database round trip, which keeps status polling cheap.
      cookieCache: { enabled: true, maxAge: 5 * 60 },
    },
    advanced: {
      useSecureCookies: production && https,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as typeof globalThis & {
  __schemaRenderAuth?: Promise<Auth>;
};

/** The process-wide auth instance, on the process-wide database. */
export function getAuth(): Promise<Auth> {
  holder.__schemaRenderAuth ??= getDb().then((db) => createAuth(db));
  return holder.__schemaRenderAuth;
}

/** Lets a test run auth on its own database; null restores. */
export function setAuthForTests(auth: Auth | null): void {
  if (auth) holder.__schemaRenderAuth = Promise.resolve(auth);
  else delete holder.__schemaRenderAuth;
}
