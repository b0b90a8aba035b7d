"use client";

import { cn } from "@/lib/ui/cn";

export type Source = "entries" | "samples";

/** Chooses between the activity's own entries and generated samples. */
export function DataSource({
  value,
  onChange,
  entryCount,
}: {
  value: Source;
  onChange: (value: Source) => void;
  entryCount: number;
}) {
  const options: { value: Source; label: string; disabled: boolean }[] = [
    {
      value: "entries",
      label: `Your entries (${entryCount})`,
      disabled: entryCount === 0,
    },
    { value: "samples", label: "Sample data", disabled: false },
  ];
  return (
    <div
      role="radiogroup"
      aria-label="Data shown in the views"
      data-testid="data-source"
      className="bg-sunken border-line inline-flex shrink-0 rounded-md border p-0.5 text-xs"
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={value === option.value}
          disabled={option.disabled}
          title={option.disabled ? "No entries logged yet" : undefined}
          onClick={() => onChange(option.value)}
          className={cn(
            "rounded px-2.5 py-1 font-medium disabled:cursor-not-allowed",
            value === option.value
              ? "bg-surface text-ink shadow-sm"
              : "text-muted hover:text-ink disabled:text-faint",
          )}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
