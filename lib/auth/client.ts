import { createAuthClient } from "better-auth/react";

/** The browser side of better-auth; same origin as the app. */
export const authClient = createAuthClient();
