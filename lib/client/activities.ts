import type {
  ActivityDto,
  ActivityStatusDto,
  EntryDto,
  SchemaVersionDto,
} from "@/lib/activities/types";
import type { RenderType, SchemaRender } from "@/lib/render/types";
import { api, jsonBody } from "./api";

/** The browser's calls to the activity API, one function per endpoint. */

export const activityKeys = {
  all: ["activities"] as const,
  one: (id: string) => ["activity", id] as const,
  status: (id: string) => ["activity", id, "status"] as const,
  entries: (id: string) => ["activity", id, "entries"] as const,
  versions: (id: string) => ["activity", id, "versions"] as const,
};

const base = (id: string) => `/api/activities/${encodeURIComponent(id)}`;

export async function fetchActivity(id: string): Promise<ActivityDto> {
  const body = await api<{ activity: ActivityDto }>(base(id));
  return body.activity;
}

export function fetchStatus(id: string): Promise<ActivityStatusDto> {
  return api<ActivityStatusDto>(`${base(id)}/status`);
}

export async function fetchEntries(id: string): Promise<EntryDto[]> {
  const body = await api<{ entries: EntryDto[] }>(`${base(id)}/entries`);
  return body.entries;
}

export async function fetchVersions(id: string): Promise<SchemaVersionDto[]> {
  const body = await api<{ versions: SchemaVersionDto[] }>(
    `${base(id)}/versions`,
  );
  return body.versions;
}

export async function requestAnalysis(
  id: string,
  bypassCache = false,
): Promise<ActivityDto> {
  const body = await api<{ activity: ActivityDto }>(`${base(id)}/analyze`, {
    method: "POST",
    ...jsonBody({ bypassCache }),
  });
  return body.activity;
}

export async function pinRender(
  id: string,
  choice: { renderType: RenderType } | { render: SchemaRender },
): Promise<ActivityDto> {
  const body = await api<{ activity: ActivityDto }>(`${base(id)}/render`, {
    method: "PUT",
    ...jsonBody(choice),
  });
  return body.activity;
}

export async function unpinRender(id: string): Promise<ActivityDto> {
  const body = await api<{ activity: ActivityDto }>(`${base(id)}/render`, {
    method: "DELETE",
  });
  return body.activity;
}

export function deleteActivity(id: string): Promise<void> {
  return api<void>(base(id), { method: "DELETE" });
}
