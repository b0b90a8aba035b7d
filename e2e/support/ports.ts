import { createServer } from "node:net";

export interface Ports {
  rules: number;
  ai: number;
  fake: number;
}

const VARIABLES = {
  rules: "E2E_RULES_PORT",
  ai: "E2E_AI_PORT",
  fake: "E2E_FAKE_OPENAI_PORT",
} as const satisfies Record<keyof Ports, string>;

/**
 * The ports of the three servers. The first caller (the main process)
 * picks free ones and writes them to the environment; workers inherit
 * that environment and read the same numbers. A port set beforehand in
 * the environment is kept.
 */
export async function assignPorts(): Promise<Ports> {
  const ports = {} as Ports;
  for (const [name, variable] of Object.entries(VARIABLES)) {
    const given = Number(process.env[variable]);
    const port = Number.isInteger(given) && given > 0 ? given : await free();
    process.env[variable] = String(port);
    ports[name as keyof Ports] = port;
  }
  return ports;
}

/** The ports assigned by assignPorts, for global setup and fixtures. */
export function assignedPorts(): Ports {
  const read = (variable: string): number => {
    const port = Number(process.env[variable]);
    if (!Number.isInteger(port) || port <= 0) {
      throw new Error(`${variable} is not set: run through playwright test.`);
    }
    return port;
  };
  return {
    rules: read(VARIABLES.rules),
    ai: read(VARIABLES.ai),
    fake: read(VARIABLES.fake),
  };
}

/** A port the system reports free right now. */
function free(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
