import { assignedPorts } from "./ports";

/** The fake's behaviours the journeys use (see test/fake-openai). */
export type FakeBehaviour =
  "good" | "slow" | "error500" | "rate_limited" | "hang" | "refusal";

export interface FakeScenario {
  queue?: FakeBehaviour[];
  default?: FakeBehaviour;
  delayMs?: number;
}

export interface FakeCall {
  path: string;
  behaviour: FakeBehaviour | null;
  authorized: boolean;
}

/**
 * Drives the fake OpenAI server global setup started, over its HTTP
 * control routes. The AI server under test is configured to call it.
 */
export class FakeOpenAI {
  private readonly base = `http://127.0.0.1:${assignedPorts().fake}`;

  async scenario(scenario: FakeScenario): Promise<void> {
    await this.post("/__fake/scenario", scenario);
  }

  async reset(): Promise<void> {
    await this.post("/__fake/reset", {});
  }

  /** The chat completions answered since the last reset. */
  async chatCalls(): Promise<FakeCall[]> {
    const response = await fetch(`${this.base}/__fake/calls`);
    if (!response.ok) throw new Error(`fake: GET calls → ${response.status}`);
    const body = (await response.json()) as { calls: FakeCall[] };
    return body.calls.filter((call) => call.path === "/v1/chat/completions");
  }

  private async post(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(
        `fake: POST ${path} → ${response.status} ${await response.text()}`,
      );
    }
  }
}
