"use client";

import type { ActivityDto, ActivityStatusDto } from "@/lib/activities/types";
import { isSettled } from "@/lib/activities/types";
import { errorMessage } from "@/lib/client/api";
import { requestAnalysis } from "@/lib/client/activities";
import { Button } from "@/components/ui/button";
import { Callout, Spinner } from "@/components/ui/feedback";
import { useActivityMutation } from "./use-activity-actions";

/**
 * Where the analysis stands: progress while it runs, the reason and a
 * retry when it failed, and a note when the rules stood in for the AI.
 */
export function StatusPanel({
  activity,
  status,
}: {
  activity: ActivityDto;
  status: ActivityStatusDto;
}) {
  const retry = useActivityMutation(activity.id, () =>
    requestAnalysis(activity.id, true),
  );
  const retryButton = (label: string) => (
    <Button
      variant="secondary"
      size="sm"
      data-testid="retry-button"
      disabled={retry.isPending}
      onClick={() => retry.mutate(undefined)}
    >
      {retry.isPending ? <Spinner /> : null}
      {label}
    </Button>
  );
  const retryError = retry.error ? (
    <p className="text-danger mt-2 text-xs" role="alert">
      {errorMessage(retry.error)}
    </p>
  ) : null;

  if (!isSettled(status.status) && status.status !== "NOT_PROCESSED") {
    return <Progress status={status} hasRender={!!activity.render} />;
  }
  if (status.status === "NOT_PROCESSED") {
    return (
      <Callout tone="neutral" title="Not analysed yet">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <span>The rules&apos; preview is shown below.</span>
          {retryButton("Analyse now")}
        </div>
        {retryError}
      </Callout>
    );
  }
  if (status.status === "FAILED") {
    return (
      <Callout
        tone="danger"
        title="The analysis failed"
        data-testid="analysis-failed"
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <span className="min-w-0 break-words">
            {withoutPrefix(status.error) ?? "The analyser gave no reason."}
            {status.attempts > 1
              ? ` (after ${status.attempts} attempts)`
              : null}
          </span>
          {retryButton("Retry analysis")}
        </div>
        {retryError}
      </Callout>
    );
  }
  if (status.error && status.status === "COMPLETED") {
    return (
      <Callout
        tone="warn"
        title="Suggested by the rules instead of the AI"
        data-testid="fallback-note"
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <span className="min-w-0 break-words">{status.error}</span>
          {retryButton("Ask the AI again")}
        </div>
        {retryError}
      </Callout>
    );
  }
  if (status.error) {
    return <Callout tone="info">{status.error}</Callout>;
  }
  return null;
}

function Progress({
  status,
  hasRender,
}: {
  status: ActivityStatusDto;
  hasRender: boolean;
}) {
  const attempt = status.attempts > 1 ? ` (attempt ${status.attempts})` : "";
  const label =
    status.status === "PENDING"
      ? "Queued for analysis"
      : `Analysing the schema${attempt}`;
  return (
    <div
      role="status"
      data-testid="analysis-progress"
      className="border-info/25 bg-info-soft flex flex-col gap-2 rounded-lg border px-4 py-3 text-sm"
    >
      <div className="flex items-center gap-2">
        <Spinner className="text-info" />
        <span className="font-medium">{label}…</span>
      </div>
      <div className="bg-info/15 h-1 overflow-hidden rounded-full" aria-hidden>
        <div className="bg-info animate-progress h-full w-2/5 rounded-full" />
      </div>
      <p className="text-muted text-xs">
        {hasRender
          ? "The previous suggestion stays on screen until the new one is ready."
          : "Meanwhile, the preview below shows what the rules suggest."}
      </p>
    </div>
  );
}

/** The title already says the analysis failed; the message need not. */
function withoutPrefix(message: string | null): string | null {
  return message?.replace(/^the analysis failed:\s*/i, "") ?? null;
}
