import type { RenderType } from "@/lib/render/types";
import { cn } from "@/lib/ui/cn";

/** Kept here rather than imported so client code does not pull in zod. */
export const RENDER_TYPE_LIST = ["form", "table", "timeline", "cards"] as const;

export const RENDER_LABEL: Record<RenderType, string> = {
  form: "Form",
  table: "Table",
  timeline: "Timeline",
  cards: "Cards",
};

const PATHS: Record<RenderType, string> = {
  form: "M5 4h14v4H5zM5 11h14v2H5zM5 16h9v2H5z",
  table: "M4 5h16v3H4zM4 10h16v2H4zM4 14h16v2H4zM4 18h16v2H4z",
  timeline: "M6 4h2v16H6zM10 6h9v4h-9zM10 14h7v4h-7z",
  cards: "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
};

export function RenderIcon({
  type,
  className,
}: {
  type: RenderType;
  className?: string;
}) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className={cn("size-4 shrink-0", className)}
      fill="currentColor"
    >
      <path d={PATHS[type]} />
    </svg>
  );
}

/** "Table" with its icon, or a dash when there is no render yet. */
export function RenderTypeLabel({ type }: { type: RenderType | null }) {
  if (!type) return <span className="text-faint">—</span>;
  return (
    <span className="text-ink inline-flex items-center gap-1.5">
      <RenderIcon type={type} className="text-muted" />
      {RENDER_LABEL[type]}
    </span>
  );
}
