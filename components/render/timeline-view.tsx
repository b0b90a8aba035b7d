"use client";

import { useLayoutEffect, useMemo, useState } from "react";
import type { TimelineLayout } from "@/lib/render/types";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/ui/cn";
import { fieldLabel } from "./labels";
import { formatValue, toDate, valueAt, type ViewEntry } from "./values";

export type Grouping = "day" | "month";

export interface TimelineGroup {
  key: string;
  label: string;
  items: TimelineItem[];
}

export interface TimelineItem {
  entry: ViewEntry;
  date: Date | null;
  end: Date | null;
  /** The date field holds a calendar date without a time of day. */
  allDay: boolean;
}

/**
 * When an entry happened: its date field, or, for a schema without one,
 * when it was logged.
 */
function whenOf(entry: ViewEntry, layout: TimelineLayout): unknown {
  return layout.dateField === null
    ? entry.occurredAt
    : valueAt(entry.data, layout.dateField);
}

/** Newest first, in groups of one day or one month; undated ones last. */
export function groupTimeline(
  entries: ViewEntry[],
  layout: TimelineLayout,
  grouping: Grouping,
): TimelineGroup[] {
  const items = entries.map((entry): TimelineItem => {
    const raw = whenOf(entry, layout);
    return {
      entry,
      date: toDate(raw),
      end: layout.endDateField
        ? toDate(valueAt(entry.data, layout.endDateField))
        : null,
      allDay: typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw),
    };
  });
  items.sort(
    (a, b) =>
      (b.date?.getTime() ?? -Infinity) - (a.date?.getTime() ?? -Infinity),
  );

  const groups = new Map<string, TimelineGroup>();
  for (const item of items) {
    const key = item.date ? groupKey(item.date, grouping) : "undated";
    let group = groups.get(key);
    if (!group) {
      group = { key, label: groupLabel(item.date, grouping), items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

/** Day groups for a few weeks of entries, month groups beyond that. */
export function defaultGrouping(
  entries: ViewEntry[],
  layout: TimelineLayout,
): Grouping {
  const times = entries
    .map((entry) => toDate(whenOf(entry, layout))?.getTime())
    .filter((time): time is number => time !== undefined);
  if (times.length < 2) return "day";
  const spanDays = (Math.max(...times) - Math.min(...times)) / 86_400_000;
  return spanDays > 45 ? "month" : "day";
}

function groupKey(date: Date, grouping: Grouping): string {
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return grouping === "month"
    ? `${date.getFullYear()}-${month}`
    : `${date.getFullYear()}-${month}-${day}`;
}

const dayLabel = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const monthLabel = new Intl.DateTimeFormat(undefined, {
  month: "long",
  year: "numeric",
});
const timeLabel = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });
const shortDate = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
});

function groupLabel(date: Date | null, grouping: Grouping): string {
  if (!date) return "No date";
  return (grouping === "month" ? monthLabel : dayLabel).format(date);
}

export function TimelineView({
  layout,
  entries,
  schema,
}: {
  layout: TimelineLayout;
  entries: ViewEntry[];
  schema?: unknown;
}) {
  // First-render marks that `npm run bench` reads (docs/benchmarks.md).
  useState(() => performance.mark("view-timeline:mount"));
  useLayoutEffect(() => {
    performance.measure("view-timeline:first-render", "view-timeline:mount");
  }, []);
  const [grouping, setGrouping] = useState<Grouping>(() =>
    defaultGrouping(entries, layout),
  );
  const groups = useMemo(
    () => groupTimeline(entries, layout, grouping),
    [entries, layout, grouping],
  );

  return (
    <div data-testid="view-timeline" className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-3">
        <p className="text-muted text-xs">
          {layout.dateField === null
            ? "By when each entry was logged, newest first"
            : `By ${fieldLabel(schema, layout.dateField).toLowerCase()}, newest first`}
        </p>
        <GroupingToggle value={grouping} onChange={setGrouping} />
      </div>
      <ol className="flex flex-col gap-6">
        {groups.map((group) => (
          <li key={group.key} data-testid="timeline-group">
            <h3 className="text-ink bg-canvas/90 sticky top-0 z-[1] py-1 text-sm font-semibold">
              {group.label}
              <span className="text-faint ml-2 font-normal">
                {group.items.length}
              </span>
            </h3>
            <ol className="border-line mt-2 ml-1.5 flex flex-col gap-3 border-l pl-5">
              {group.items.map((item) => (
                <TimelineCard
                  key={item.entry.id}
                  item={item}
                  layout={layout}
                  grouping={grouping}
                  schema={schema}
                />
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}

function GroupingToggle({
  value,
  onChange,
}: {
  value: Grouping;
  onChange: (value: Grouping) => void;
}) {
  return (
    <div
      role="radiogroup"
      aria-label="Group by"
      className="bg-sunken border-line inline-flex rounded-md border p-0.5 text-xs"
    >
      {(["day", "month"] as const).map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={value === option}
          onClick={() => onChange(option)}
          className={cn(
            "rounded px-2.5 py-1 font-medium capitalize",
            value === option
              ? "bg-surface text-ink shadow-sm"
              : "text-muted hover:text-ink",
          )}
        >
          {option}
        </button>
      ))}
    </div>
  );
}

function TimelineCard({
  item,
  layout,
  grouping,
  schema,
}: {
  item: TimelineItem;
  layout: TimelineLayout;
  grouping: Grouping;
  schema: unknown;
}) {
  const data = item.entry.data;
  const title = formatValue(valueAt(data, layout.titleField));
  const description = layout.descriptionField
    ? valueAt(data, layout.descriptionField)
    : undefined;
  const tag = layout.groupByField
    ? valueAt(data, layout.groupByField)
    : undefined;

  return (
    <li data-testid="timeline-item" className="relative">
      <span
        aria-hidden
        className="bg-accent ring-canvas absolute top-2 -left-[25px] size-2.5 rounded-full ring-4"
      />
      <article className="border-line bg-surface rounded-lg border px-4 py-2.5 shadow-card">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <h4 className="text-ink font-medium">{title}</h4>
          <When item={item} grouping={grouping} />
        </div>
        <Details item={item} layout={layout} schema={schema} />
        {description !== undefined &&
        description !== null &&
        description !== "" ? (
          <p className="text-muted mt-1 line-clamp-3 text-sm">
            {formatValue(description)}
          </p>
        ) : null}
        {tag !== undefined && tag !== null && tag !== "" ? (
          <Badge tone="accent" className="mt-2">
            {formatValue(tag)}
          </Badge>
        ) : null}
      </article>
    </li>
  );
}

/** The detail fields as "Label value" pairs that wrap on a phone. */
function Details({
  item,
  layout,
  schema,
}: {
  item: TimelineItem;
  layout: TimelineLayout;
  schema: unknown;
}) {
  // Renders saved before detail fields existed come from storage as
  // they were written, without the list.
  const fields = layout.detailFields ?? [];
  const pairs = fields
    .map((field) => ({ field, value: valueAt(item.entry.data, field) }))
    .filter(({ value }) => present(value));
  if (pairs.length === 0) return null;

  return (
    <dl
      data-testid="timeline-details"
      className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-sm"
    >
      {pairs.map(({ field, value }) => (
        <div key={field} className="flex items-baseline gap-1.5">
          <dt className="text-muted text-xs">{fieldLabel(schema, field)}</dt>
          <dd className="text-ink font-medium tabular-nums">
            {formatValue(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

function When({ item, grouping }: { item: TimelineItem; grouping: Grouping }) {
  if (!item.date || (item.allDay && grouping === "day")) return null;
  const format = (date: Date) => {
    if (item.allDay) return shortDate.format(date);
    return grouping === "month"
      ? `${shortDate.format(date)}, ${timeLabel.format(date)}`
      : timeLabel.format(date);
  };
  return (
    <time
      dateTime={item.date.toISOString()}
      className="text-muted text-xs tabular-nums"
    >
      {format(item.date)}
      {item.end ? ` – ${format(item.end)}` : null}
    </time>
  );
}
