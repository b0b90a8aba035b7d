import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

function createLogger(): Logger {
  const config = env();
  const pretty =
    config.NODE_ENV === "development" && process.stdout.isTTY === true;
  return pino({
    level: config.LOG_LEVEL,
    base: { app: "schema-render" },
    redact: {
      paths: ["apiKey", "*.apiKey", "authorization", "*.authorization"],
      censor: "[redacted]",
    },
    ...(pretty
      ? { transport: { target: "pino-pretty", options: { colorize: true } } }
      : {}),
  });
}

let root: Logger | undefined;

/** The process logger; children carry activityId, runId and attempt. */
export function logger(): Logger {
  root ??= createLogger();
  return root;
}

export type { Logger };
