import { expect, type APIRequestContext } from "@playwright/test";

/** The parts of the API's DTOs the tests read (lib/activities/types). */
export interface ActivityDto {
  id: string;
  name: string;
  schema: unknown;
  schemaVersion: number;
  status: string;
  render: {
    renderType: string;
    rationale: string;
    uiSchema: unknown;
    warnings: string[];
    source: { analyzer: string };
  } | null;
  renderPinned: boolean;
  processingError: string | null;
  attempts: number;
}

export interface SchemaVersionDto {
  version: number;
  schema: unknown;
  render: ActivityDto["render"];
}

/**
 * The activity API through the page's request context, which shares the
 * browser's cookies, so calls act for the signed-in person.
 */
export class ActivityApi {
  constructor(private readonly request: APIRequestContext) {}

  async list(): Promise<{ id: string; name: string }[]> {
    const response = await this.request.get("/api/activities");
    expect(response.status()).toBe(200);
    return ((await response.json()) as { activities: ActivityDto[] })
      .activities;
  }

  async create(input: {
    name: string;
    description?: string;
    schema: unknown;
  }): Promise<ActivityDto> {
    const response = await this.request.post("/api/activities", {
      data: input,
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { activity: ActivityDto }).activity;
  }

  async get(id: string): Promise<ActivityDto> {
    const response = await this.request.get(`/api/activities/${id}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { activity: ActivityDto }).activity;
  }

  async addEntry(id: string, data: unknown): Promise<void> {
    const response = await this.request.post(`/api/activities/${id}/entries`, {
      data: { data },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  /** Pins the rules' render of a type, as the designer's pin button does. */
  async pin(id: string, renderType: string): Promise<ActivityDto> {
    const response = await this.request.put(`/api/activities/${id}/render`, {
      data: { renderType },
    });
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { activity: ActivityDto }).activity;
  }

  async versions(id: string): Promise<SchemaVersionDto[]> {
    const response = await this.request.get(`/api/activities/${id}/versions`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { versions: SchemaVersionDto[] })
      .versions;
  }

  /** Resolves once the analysis has settled; fails after `timeoutMs`. */
  async settled(id: string, timeoutMs = 30_000): Promise<ActivityDto> {
    await expect
      .poll(async () => (await this.get(id)).status, { timeout: timeoutMs })
      .toMatch(/^(COMPLETED|FAILED|SKIPPED)$/);
    return this.get(id);
  }
}
