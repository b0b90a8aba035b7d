// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ActivityDto, ProcessingStatus } from "@/lib/activities/types";
import { statusOf, useActivity, useActivityStatus } from "./use-activity";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const activity: ActivityDto = {
  id: "a1",
  name: "Run",
  description: null,
  schema: { type: "object" },
  schemaVersion: 1,
  schemaHash: "h",
  status: "PENDING",
  render: null,
  renderSource: null,
  renderPinned: false,
  processingError: null,
  attempts: 0,
  runId: null,
  processedAt: null,
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt: "2025-01-01T00:00:00Z",
};

function Probe() {
  const { data } = useActivity(activity);
  const { data: status } = useActivityStatus(data);
  return (
    <p>
      <span data-testid="status">{status.status}</span>
      <span data-testid="name">{data.name}</span>
    </p>
  );
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false } },
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe("useActivityStatus", () => {
  it("polls until settled, then stops and fetches the activity again", async () => {
    const answers: ProcessingStatus[] = ["PROCESSING", "COMPLETED"];
    const calls: string[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => {
        calls.push(url);
        const body = url.endsWith("/status")
          ? statusOf({ ...activity, status: answers.shift() ?? "COMPLETED" })
          : {
              activity: {
                ...activity,
                status: "COMPLETED",
                name: "Run (done)",
              },
            };
        return new Response(JSON.stringify(body), { status: 200 });
      }),
    );

    render(<Probe />, { wrapper });
    await waitFor(
      () => expect(screen.getByTestId("name").textContent).toBe("Run (done)"),
      { timeout: 5_000 },
    );
    expect(screen.getByTestId("status").textContent).toBe("COMPLETED");

    const polls = calls.filter((url) => url.endsWith("/status")).length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(calls.filter((url) => url.endsWith("/status")).length).toBe(polls);
  });
});
