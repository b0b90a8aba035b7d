import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, runnerMode } from "@/lib/env";

describe("environment", () => {
  it("gives the embedded defaults when nothing is set", () => {
    const config = parseEnv({});
    expect(config.PGLITE_DIR).toBe(".data/pglite");
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ANALYSIS_RETRIES).toBe(4);
    expect(runnerMode(config)).toBe("inline");
  });

  it("names the variable that is malformed", () => {
    expect(() => parseEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must start with postgres:\/\//,
    );
    expect(() => parseEnv({ ANALYSIS_RETRIES: "many" })).toThrow(EnvError);
  });

  it("requires a session secret in production, not in development", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /BETTER_AUTH_SECRET: is required in production/,
    );
    expect(() => parseEnv({ NODE_ENV: "development" })).not.toThrow();
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ OPENAI_API_KEY: "" }).OPENAI_API_KEY).toBeUndefined();
  });

  it("uses Inngest when its Dev Server or an event key is configured", () => {
    expect(runnerMode(parseEnv({ INNGEST_DEV: "1" }))).toBe("inngest");
    expect(runnerMode(parseEnv({ INNGEST_EVENT_KEY: "k" }))).toBe("inngest");
    expect(
      runnerMode(parseEnv({ INNGEST_DEV: "1", ANALYSIS_RUNNER: "inline" })),
    ).toBe("inline");
  });
});
