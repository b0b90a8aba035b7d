import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

const CALLOUT_TONES = {
  info: "border-info/25 bg-info-soft text-ink",
  warn: "border-warn/30 bg-warn-soft text-ink",
  danger: "border-danger/25 bg-danger-soft text-ink",
  ok: "border-ok/25 bg-ok-soft text-ink",
  neutral: "border-line bg-sunken text-ink",
} as const;

/** A boxed message: a note, a warning, an error. */
export function Callout({
  tone = "info",
  title,
  children,
  className,
  ...props
}: Omit<ComponentProps<"div">, "title"> & {
  tone?: keyof typeof CALLOUT_TONES;
  title?: ReactNode;
}) {
  return (
    <div
      className={cn(
        "rounded-lg border px-4 py-3 text-sm",
        CALLOUT_TONES[tone],
        className,
      )}
      {...props}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? (
        <div className={cn(title && "text-muted mt-1")}>{children}</div>
      ) : null}
    </div>
  );
}

export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden
      className={cn("bg-line/70 animate-pulse rounded-md", className)}
      {...props}
    />
  );
}

export function Spinner({ className }: { className?: string }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className={cn("size-4 animate-spin", className)}
    >
      <circle
        cx="12"
        cy="12"
        r="9"
        fill="none"
        stroke="currentColor"
        strokeOpacity="0.25"
        strokeWidth="3"
      />
      <path
        d="M21 12a9 9 0 0 0-9-9"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The centred message a list or view shows when it has nothing yet. */
export function EmptyState({
  title,
  description,
  action,
  className,
  ...props
}: Omit<ComponentProps<"div">, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div
      className={cn(
        "border-line-strong flex flex-col items-center rounded-card",
        "border border-dashed px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      <p className="text-ink text-base font-semibold">{title}</p>
      {description ? (
        <p className="text-muted mt-1 max-w-md text-sm">{description}</p>
      ) : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
