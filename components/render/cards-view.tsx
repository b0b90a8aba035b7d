import { useLayoutEffect, useRef, useState } from "react";
import type { CardsLayout } from "@/lib/render/types";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/ui/cn";
import { FieldPairs } from "./field-pairs";
import { fieldLabel } from "./labels";
import { RemoteImage } from "./value-cell";
import {
  formatValue,
  isHttpUrl,
  present,
  presentFields,
  valueAt,
  type ViewEntry,
} from "./values";
import {
  INITIAL_RECT,
  listItem,
  useWidth,
  type ListItemProps,
  VIRTUALIZE_FROM,
  VirtualList,
} from "./virtual-list";

interface CardsViewProps {
  layout: CardsLayout;
  entries: ViewEntry[];
  schema?: unknown;
}

/** A responsive grid of cards: image, title, subtitle, badges, details. */
export function CardsView(props: CardsViewProps) {
  // First-render marks that `npm run bench` reads (docs/benchmarks.md).
  useState(() => performance.mark("view-cards:mount"));
  useLayoutEffect(() => {
    performance.measure("view-cards:first-render", "view-cards:mount");
  }, []);

  return props.entries.length >= VIRTUALIZE_FROM ? (
    <VirtualCards {...props} />
  ) : (
    <CardGrid {...props} />
  );
}

function CardGrid({ layout, entries, schema }: CardsViewProps) {
  return (
    <ul
      data-testid="view-cards"
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3"
    >
      {entries.map((entry) => (
        <EntryCard
          key={entry.id}
          entry={entry}
          layout={layout}
          schema={schema}
        />
      ))}
    </ul>
  );
}

const GAP = 16;
const MIN_CARD_WIDTH = 288;
const COLUMNS = ["grid-cols-1", "grid-cols-2", "grid-cols-3"] as const;

/**
 * The grid for many entries: rows of as many cards as fit the width (at
 * most three, as in the small grid), only the rows in view drawn.
 */
function VirtualCards({ layout, entries, schema }: CardsViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref, INITIAL_RECT.width);
  const fit = Math.floor((width + GAP) / (MIN_CARD_WIDTH + GAP));
  const columns = Math.max(1, Math.min(COLUMNS.length, fit));
  const cardWidth = (width - GAP * (columns - 1)) / columns;
  const rowHeight = estimateRowHeight(layout, entries[0], cardWidth);
  const rowOf = (row: number) =>
    entries.slice(row * columns, (row + 1) * columns);

  return (
    <div ref={ref} data-testid="view-cards">
      <VirtualList
        label="Cards"
        count={Math.ceil(entries.length / columns)}
        // A row holds other cards once the column count changes.
        getKey={(row) => `${columns}:${entries[row * columns]?.id}`}
        estimateSize={() => rowHeight}
        gap={GAP}
        renderRow={(row) => (
          <div className={cn("grid gap-4", COLUMNS[columns - 1])}>
            {rowOf(row).map((entry, column) => (
              <EntryCard
                key={entry.id}
                entry={entry}
                layout={layout}
                schema={schema}
                itemProps={listItem(row * columns + column, entries.length)}
              />
            ))}
          </div>
        )}
      />
    </div>
  );
}

/**
 * A row's height until it is drawn and measured, from the parts the first
 * card shows: a layout may name fields that entries leave empty.
 */
function estimateRowHeight(
  layout: CardsLayout,
  sample: ViewEntry | undefined,
  cardWidth: number,
): number {
  const data = sample?.data;
  const at = (field: string | null) =>
    field === null ? undefined : valueAt(data, field);
  const image = isHttpUrl(at(layout.imageField)) ? (cardWidth * 9) / 16 : 0;
  const subtitle = present(at(layout.subtitleField)) ? 22 : 0;
  const badges = cardBadges(data, layout.badgeFields).length ? 34 : 0;
  const details = presentFields(data, layout.bodyFields).length;
  return 58 + image + subtitle + badges + (details ? 21 + 24 * details : 0);
}

/** The badges an entry shows: its values, leaving out flags that are off. */
function cardBadges(data: unknown, fields: readonly string[]) {
  return presentFields(data, fields).filter(({ value }) => value !== false);
}

interface CardProps {
  entry: ViewEntry;
  layout: CardsLayout;
  schema: unknown;
}

function EntryCard({
  entry,
  layout,
  schema,
  itemProps,
}: CardProps & { itemProps?: ListItemProps }) {
  const data = entry.data;
  const title = formatValue(valueAt(data, layout.titleField));
  const subtitle = layout.subtitleField
    ? valueAt(data, layout.subtitleField)
    : undefined;
  const image = layout.imageField ? valueAt(data, layout.imageField) : null;
  const badges = cardBadges(data, layout.badgeFields);
  // In a virtual grid the cards sit in rows, which a <ul> cannot hold.
  const Item = itemProps ? "div" : "li";

  return (
    <Item
      {...itemProps}
      data-testid="card"
      className="border-line bg-surface flex flex-col overflow-hidden rounded-card border shadow-card"
    >
      {isHttpUrl(image) ? (
        <RemoteImage
          src={image}
          className="bg-sunken aspect-[16/9] w-full object-cover"
        />
      ) : null}
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div>
          <h3 data-testid="card-title" className="text-ink font-semibold">
            {title}
          </h3>
          {present(subtitle) ? (
            <p className="text-muted mt-0.5 text-sm">{formatValue(subtitle)}</p>
          ) : null}
        </div>
        {badges.length ? (
          <div className="flex flex-wrap gap-1.5">
            {badges.map(({ field, value }) => (
              <Badge
                key={field}
                tone="accent"
                title={fieldLabel(schema, field)}
              >
                {/* "Yes" alone says nothing: a true flag shows its name. */}
                {value === true
                  ? fieldLabel(schema, field)
                  : formatValue(value)}
              </Badge>
            ))}
          </div>
        ) : null}
        <CardDetails entry={entry} layout={layout} schema={schema} />
      </div>
    </Item>
  );
}

function CardDetails({ entry, layout, schema }: CardProps) {
  const pairs = presentFields(entry.data, layout.bodyFields);
  if (!pairs.length) return null;

  return (
    <FieldPairs
      pairs={pairs}
      schema={schema}
      variant="lines"
      className="border-line mt-auto border-t pt-3"
    />
  );
}
