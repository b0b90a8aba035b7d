import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((value) => ["1", "true", "yes"].includes(value));

const positiveInt = z.coerce.number().int().positive();

const EnvSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
    .optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),

  ANALYSIS_RUNNER: z.enum(["inline", "inngest"]).optional(),
  ANALYSIS_RETRIES: z.coerce.number().int().min(0).max(20).default(4),
  ANALYSIS_BACKOFF_MS: positiveInt.default(1_000),
  ANALYSIS_CONCURRENCY: positiveInt.default(10),
  ANALYSIS_CONCURRENCY_PER_USER: positiveInt.default(3),
  ANALYSIS_RPM: positiveInt.default(60),
  ANALYSIS_DEBOUNCE_SECONDS: z.coerce.number().min(0).max(600).default(2),
  ANALYSIS_STALE_MINUTES: positiveInt.default(10),
  INNGEST_DEV: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  INNGEST_BASE_URL: z.url().optional(),

  BETTER_AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (try `openssl rand -hex 32`)")
    .optional(),
  BETTER_AUTH_URL: z.url().optional(),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  RATE_LIMIT_MAX: positiveInt.default(60),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(600),

  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default("gpt-4.1-mini"),
  OPENAI_TIMEOUT_MS: positiveInt.default(60_000),
  AI_FALLBACK: flag.default(true),
});

// `next build` runs with NODE_ENV=production but serves nobody; the secret
// is checked when a production server starts.
const building = () => process.env.NEXT_PHASE === "phase-production-build";

const CheckedEnv = EnvSchema.superRefine((config, context) => {
  const production = config.NODE_ENV === "production" && !building();
  if (production && !config.BETTER_AUTH_SECRET) {
    context.addIssue({
      code: "custom",
      path: ["BETTER_AUTH_SECRET"],
      message:
        "is required in production: it signs session cookies " +
        "(try `openssl rand -hex 32`)",
    });
  }
});

export type Env = z.infer<typeof EnvSchema>;

/** Raised at start-up when a variable is missing or malformed. */
export class EnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((issue) => {
      const name = issue.path.join(".") || "environment";
      return `${name}: ${issue.message}`;
    });
    super(`Invalid environment. ${lines.join("; ")}.`);
    this.name = "EnvError";
  }
}

/**
 * Reads the environment into a typed object. Empty strings count as unset,
 * so `FOO=` in an .env file falls back to the default.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== ""),
  );
  const result = CheckedEnv.safeParse(present);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

let cached: Env | undefined;

/** The process environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Lets tests change variables and parse again. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/** Which runner executes analyses when none is named explicitly. */
export function runnerMode(config: Env = env()): "inline" | "inngest" {
  if (config.ANALYSIS_RUNNER) return config.ANALYSIS_RUNNER;
  const devServer = config.INNGEST_DEV && config.INNGEST_DEV !== "0";
  return devServer || config.INNGEST_EVENT_KEY ? "inngest" : "inline";
}
