import type { ProcessingStatus } from "@/lib/activities/types";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/feedback";

const STATUS: Record<
  ProcessingStatus,
  { label: string; tone: BadgeTone; busy: boolean }
> = {
  NOT_PROCESSED: { label: "Not analysed", tone: "neutral", busy: false },
  PENDING: { label: "Queued", tone: "info", busy: true },
  PROCESSING: { label: "Analysing", tone: "info", busy: true },
  COMPLETED: { label: "Ready", tone: "ok", busy: false },
  FAILED: { label: "Failed", tone: "danger", busy: false },
  SKIPPED: { label: "Ready", tone: "neutral", busy: false },
};

export function statusLabel(status: ProcessingStatus): string {
  return STATUS[status].label;
}

/** The analysis status as a small colored badge; data-status is the code. */
export function StatusBadge({
  status,
  testId = "activity-status",
}: {
  status: ProcessingStatus;
  testId?: string;
}) {
  const { label, tone, busy } = STATUS[status];
  return (
    <Badge tone={tone} data-testid={testId} data-status={status}>
      {busy ? (
        <Spinner className="size-3" />
      ) : (
        <span aria-hidden className="size-1.5 rounded-full bg-current" />
      )}
      {label}
    </Badge>
  );
}
