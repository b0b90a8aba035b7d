import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";
import { fieldLabel } from "./labels";
import { formatValue } from "./values";

const STYLES = {
  /** One pair a line, the value right-aligned (cards). */
  lines: {
    list: "grid grid-cols-[auto_1fr] gap-x-4 gap-y-1",
    pair: "contents",
    label: "text-muted",
    value: "text-ink min-w-0 truncate text-right",
  },
  /** Pairs side by side, wrapping on a phone (timeline). */
  inline: {
    list: "flex flex-wrap gap-x-4 gap-y-0.5",
    pair: "flex items-baseline gap-1.5",
    label: "text-muted text-xs",
    value: "text-ink font-medium tabular-nums",
  },
} as const;

/** Fields of an entry as a description list of label and value. */
export function FieldPairs({
  pairs,
  schema,
  variant,
  className,
  ...props
}: ComponentProps<"dl"> & {
  pairs: { field: string; value: unknown }[];
  schema: unknown;
  variant: keyof typeof STYLES;
}) {
  const styles = STYLES[variant];
  return (
    <dl className={cn(styles.list, "text-sm", className)} {...props}>
      {pairs.map(({ field, value }) => (
        <div key={field} className={styles.pair}>
          <dt className={styles.label}>{fieldLabel(schema, field)}</dt>
          <dd className={styles.value}>{formatValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
