import { Inngest } from "inngest";
import { env, type Env } from "@/lib/env";
import { logger } from "@/lib/log";

/**
 * Development means the Inngest Dev Server (INNGEST_DEV=1, or its URL);
 * anything else is production, where the SDK refuses requests that do not
 * carry a valid INNGEST_SIGNING_KEY signature.
 */
export function inngestOptions(config: Env = env()) {
  const dev = config.INNGEST_DEV;
  const isDev = dev !== undefined && !["0", "false", "no"].includes(dev);
  const devUrl = isDev && /^https?:\/\//.test(dev ?? "") ? dev : undefined;
  return {
    id: "schema-render",
    isDev,
    eventKey: config.INNGEST_EVENT_KEY,
    signingKey: config.INNGEST_SIGNING_KEY,
    baseUrl: config.INNGEST_BASE_URL ?? devUrl,
    logger: logger().child({ component: "inngest" }),
  };
}

export const inngest = new Inngest(inngestOptions());
