"use client";

import { useLayoutEffect, useMemo, useState } from "react";
import type { TimelineLayout } from "@/lib/render/types";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/ui/cn";
import { FieldPairs } from "./field-pairs";
import { fieldLabel } from "./labels";
import {
  formatValue,
  present,
  presentFields,
  toDate,
  valueAt,
  type ViewEntry,
} from "./values";
import {
  listItem,
  VIRTUALIZE_FROM,
  VirtualList,
  type ListItemProps,
} from "./virtual-list";

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

interface CardProps {
  layout: TimelineLayout;
  grouping: Grouping;
  schema: unknown;
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
  const card = { layout, grouping, schema };

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
      {entries.length >= VIRTUALIZE_FROM ? (
        <VirtualTimeline groups={groups} {...card} />
      ) : (
        <TimelineGroups groups={groups} {...card} />
      )}
    </div>
  );
}

function TimelineGroups({
  groups,
  ...card
}: CardProps & { groups: TimelineGroup[] }) {
  return (
    <ol className="flex flex-col gap-6">
      {groups.map((group) => (
        <li key={group.key} data-testid="timeline-group">
          <GroupHeading
            group={group}
            className="bg-canvas/90 sticky top-0 z-[1]"
          />
          <ol className="border-line mt-2 ml-1.5 flex flex-col gap-3 border-l pl-5">
            {group.items.map((item) => (
              <TimelineCard key={item.entry.id} item={item} {...card} />
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

/** A timeline drawn as one list of rows: each group's heading, its items. */
export type TimelineRow =
  | { kind: "heading"; key: string; group: TimelineGroup }
  | { kind: "item"; key: string; item: TimelineItem; lastOfGroup: boolean };

export function timelineRows(groups: TimelineGroup[]): TimelineRow[] {
  return groups.flatMap((group): TimelineRow[] => [
    { kind: "heading", key: `group:${group.key}`, group },
    ...group.items.map((item, index): TimelineRow => ({
      kind: "item",
      key: item.entry.id,
      item,
      lastOfGroup: index === group.items.length - 1,
    })),
  ]);
}

/**
 * The timeline for many entries: only the rows in view are drawn, and the
 * heading of the group at the top stays in view.
 */
function VirtualTimeline({
  groups,
  ...card
}: CardProps & { groups: TimelineGroup[] }) {
  const rows = useMemo(() => timelineRows(groups), [groups]);
  const headings = useMemo(
    () => rows.flatMap((row, index) => (row.kind === "heading" ? [index] : [])),
    [rows],
  );
  const itemHeight = estimateItemHeight(card.layout);

  return (
    <VirtualList
      label="Timeline"
      count={rows.length}
      getKey={(index) => rows[index]?.key ?? String(index)}
      estimateSize={(index) =>
        rows[index]?.kind === "heading" ? HEADING_HEIGHT : itemHeight
      }
      stickyIndexes={headings}
      renderRow={(index) => {
        const row = rows[index];
        if (!row) return null;
        const itemProps = listItem(index, rows.length);
        return row.kind === "heading" ? (
          <div {...itemProps} className="bg-canvas pb-2">
            <GroupHeading group={row.group} />
          </div>
        ) : (
          // The group's gap sits outside the line that joins its items.
          <div className={row.lastOfGroup ? "pb-6" : undefined}>
            <div
              className={cn(
                "border-line ml-1.5 border-l pl-5",
                !row.lastOfGroup && "pb-3",
              )}
            >
              <TimelineCard item={row.item} itemProps={itemProps} {...card} />
            </div>
          </div>
        );
      }}
    />
  );
}

const HEADING_HEIGHT = 36;

/** An item's row height until it is drawn and measured. */
function estimateItemHeight(layout: TimelineLayout): number {
  let height = 58;
  if (layout.detailFields?.length) height += 24;
  if (layout.descriptionField) height += 24;
  if (layout.groupByField) height += 30;
  return height;
}

function GroupHeading({
  group,
  className,
}: {
  group: TimelineGroup;
  className?: string;
}) {
  return (
    <h3 className={cn("text-ink py-1 text-sm font-semibold", className)}>
      {group.label}
      <span className="text-faint ml-2 font-normal">{group.items.length}</span>
    </h3>
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
  itemProps,
  layout,
  grouping,
  schema,
}: CardProps & { item: TimelineItem; itemProps?: ListItemProps }) {
  const data = item.entry.data;
  const title = formatValue(valueAt(data, layout.titleField));
  const description = layout.descriptionField
    ? valueAt(data, layout.descriptionField)
    : undefined;
  const tag = layout.groupByField
    ? valueAt(data, layout.groupByField)
    : undefined;
  // A virtual row is a <div>: its list is not an <ol>.
  const Item = itemProps ? "div" : "li";

  return (
    <Item {...itemProps} data-testid="timeline-item" className="relative">
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
        {present(description) ? (
          <p className="text-muted mt-1 line-clamp-3 text-sm">
            {formatValue(description)}
          </p>
        ) : null}
        {present(tag) ? (
          <Badge tone="accent" className="mt-2">
            {formatValue(tag)}
          </Badge>
        ) : null}
      </article>
    </Item>
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
  const pairs = presentFields(item.entry.data, layout.detailFields ?? []);
  if (pairs.length === 0) return null;

  return (
    <FieldPairs
      data-testid="timeline-details"
      pairs={pairs}
      schema={schema}
      variant="inline"
      className="mt-1"
    />
  );
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
