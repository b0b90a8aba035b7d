"use client";

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { TableColumn, TableLayout } from "@/lib/render/types";
import { cn } from "@/lib/ui/cn";
import { fieldLabel } from "./labels";
import { ValueCell } from "./value-cell";
import {
  compareSortKeys,
  formatValue,
  sortKey,
  valueAt,
  type SortKey,
  type ViewEntry,
} from "./values";
import {
  INITIAL_RECT,
  observeLaidOutRect,
  VIRTUALIZE_FROM,
} from "./virtual-list";

export { VIRTUALIZE_FROM };
const ROW_HEIGHT = 41;

const WIDTHS: Record<TableColumn["width"], string> = {
  narrow: "min-w-24",
  medium: "min-w-40",
  wide: "min-w-64",
};

/** A body line: a group's heading or one entry's row. */
export type BodyItem =
  | { kind: "group"; key: string; label: string; count: number }
  | { kind: "row"; key: string; row: Row<ViewEntry> };

/**
 * Rows in their sorted order, or, when grouped, gathered under a heading
 * per group value (groups in the order their first row appears, so the
 * sort still decides which group comes first).
 */
export function bodyItems(
  rows: Row<ViewEntry>[],
  groupBy: string | null,
): BodyItem[] {
  if (!groupBy) {
    return rows.map((row) => ({ kind: "row", key: row.id, row }));
  }
  const groups = new Map<string, Row<ViewEntry>[]>();
  for (const row of rows) {
    const label = formatValue(valueAt(row.original.data, groupBy));
    const members = groups.get(label) ?? [];
    members.push(row);
    groups.set(label, members);
  }
  return [...groups].flatMap(([label, members]): BodyItem[] => [
    { kind: "group", key: `group:${label}`, label, count: members.length },
    ...members.map((row): BodyItem => ({ kind: "row", key: row.id, row })),
  ]);
}

export function TableView({
  layout,
  entries,
  schema,
}: {
  layout: TableLayout;
  entries: ViewEntry[];
  schema?: unknown;
}) {
  // First-render marks that `npm run bench` reads (docs/benchmarks.md).
  useState(() => performance.mark("view-table:mount"));
  useLayoutEffect(() => {
    performance.measure("view-table:first-render", "view-table:mount");
  }, []);
  const [grouped, setGrouped] = useState(layout.groupBy !== null);
  const columns = useMemo(() => toColumnDefs(layout.columns), [layout]);
  const [sorting, setSorting] = useState<SortingState>(() =>
    layout.defaultSort
      ? [
          {
            id: layout.defaultSort.field,
            desc: layout.defaultSort.direction === "desc",
          },
        ]
      : [],
  );
  const table = useReactTable({
    data: entries,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (entry) => entry.id,
  });
  const rows = table.getRowModel().rows;
  const groupBy = grouped ? layout.groupBy : null;
  const items = useMemo(() => bodyItems(rows, groupBy), [rows, groupBy]);

  return (
    <div data-testid="view-table" className="flex flex-col gap-2">
      {layout.groupBy ? (
        <label className="text-muted flex items-center gap-2 self-end text-xs">
          <input
            type="checkbox"
            className="accent-accent size-3.5"
            checked={grouped}
            onChange={(event) => setGrouped(event.target.checked)}
          />
          Group by {fieldLabel(schema, layout.groupBy).toLowerCase()}
        </label>
      ) : null}
      <TableBody table={table} items={items} />
      <p className="text-muted text-xs">
        {`${rows.length} ${rows.length === 1 ? "row" : "rows"}`}
        <span className="hidden sm:inline">
          {" · select a column heading to sort"}
        </span>
      </p>
    </div>
  );
}

function toColumnDefs(columns: TableColumn[]): ColumnDef<ViewEntry>[] {
  return columns.map((column) => {
    // Each entry's sort key is worked out once, not in every comparison.
    const keys = new WeakMap<ViewEntry, SortKey>();
    const keyOf = (entry: ViewEntry) => {
      let key = keys.get(entry);
      if (!key) {
        key = sortKey(valueAt(entry.data, column.field));
        keys.set(entry, key);
      }
      return key;
    };
    return {
      id: column.field,
      header: column.label,
      accessorFn: (entry) => valueAt(entry.data, column.field),
      sortingFn: (a, b) =>
        compareSortKeys(keyOf(a.original), keyOf(b.original)),
      cell: (info) => (
        <ValueCell value={info.getValue()} format={column.format} />
      ),
      meta: column,
    };
  });
}

type Table = ReturnType<typeof useReactTable<ViewEntry>>;

function TableBody({ table, items }: { table: Table; items: BodyItem[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = items.length >= VIRTUALIZE_FROM;
  const colSpan = table.getVisibleLeafColumns().length;

  return (
    <div
      ref={scrollRef}
      className={cn(
        "border-line bg-surface overflow-auto rounded-card border",
        virtual && "max-h-[70vh]",
      )}
    >
      <table className="w-full border-collapse text-sm">
        <TableHead table={table} />
        {virtual ? (
          <VirtualRows items={items} scrollRef={scrollRef} colSpan={colSpan} />
        ) : (
          <tbody>
            {items.map((item) => (
              <BodyLine key={item.key} item={item} colSpan={colSpan} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

function TableHead({ table }: { table: Table }) {
  return (
    <thead className="bg-sunken sticky top-0 z-10">
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const column = header.column.columnDef.meta as TableColumn;
            const sorted = header.column.getIsSorted();
            return (
              <th
                key={header.id}
                scope="col"
                aria-sort={
                  sorted === "asc"
                    ? "ascending"
                    : sorted === "desc"
                      ? "descending"
                      : "none"
                }
                className={cn(
                  "border-line border-b px-3 py-0 text-left font-medium",
                  WIDTHS[column.width],
                  isNumeric(column) && "text-right",
                )}
              >
                <button
                  type="button"
                  onClick={header.column.getToggleSortingHandler()}
                  className={cn(
                    "text-muted hover:text-ink flex h-10 w-full items-center",
                    "gap-1 text-xs font-semibold tracking-wide whitespace-nowrap",
                    "uppercase",
                    isNumeric(column) && "justify-end",
                  )}
                >
                  {flexRender(
                    header.column.columnDef.header,
                    header.getContext(),
                  )}
                  <SortMark direction={sorted} />
                </button>
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}

function SortMark({ direction }: { direction: false | "asc" | "desc" }) {
  const mark = direction === "asc" ? "↑" : direction === "desc" ? "↓" : "↕";
  return (
    <span aria-hidden className={direction ? "text-accent" : "text-faint"}>
      {mark}
    </span>
  );
}

function BodyLine({ item, colSpan }: { item: BodyItem; colSpan: number }) {
  if (item.kind === "row") return <BodyRow row={item.row} />;
  return (
    <tr
      data-testid="table-group"
      className="bg-sunken/70 border-line h-[41px] border-b"
    >
      <th
        scope="colgroup"
        colSpan={colSpan}
        className="text-ink px-3 py-2 text-left text-xs font-semibold"
      >
        {item.label}
        <span className="text-faint ml-2 font-normal">{item.count}</span>
      </th>
    </tr>
  );
}

function BodyRow({ row }: { row: Row<ViewEntry> }) {
  return (
    <tr
      data-testid="table-row"
      className="border-line hover:bg-sunken/60 h-[41px] border-b last:border-b-0"
    >
      {row.getVisibleCells().map((cell) => {
        const column = cell.column.columnDef.meta as TableColumn;
        return (
          <td
            key={cell.id}
            className={cn(
              "max-w-80 truncate px-3 py-2 align-middle",
              isNumeric(column) && "text-right tabular-nums",
            )}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        );
      })}
    </tr>
  );
}

function VirtualRows({
  items: lines,
  scrollRef,
  colSpan,
}: {
  items: BodyItem[];
  scrollRef: React.RefObject<HTMLDivElement | null>;
  colSpan: number;
}) {
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: INITIAL_RECT,
    observeElementRect: observeLaidOutRect,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <tbody>
      {top > 0 ? <Spacer height={top} colSpan={colSpan} /> : null}
      {items.map((item) => {
        const line = lines[item.index];
        return line ? (
          <BodyLine key={line.key} item={line} colSpan={colSpan} />
        ) : null;
      })}
      {bottom > 0 ? <Spacer height={bottom} colSpan={colSpan} /> : null}
    </tbody>
  );
}

function Spacer({ height, colSpan }: { height: number; colSpan: number }) {
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={colSpan} className="p-0" />
    </tr>
  );
}

function isNumeric(column: TableColumn): boolean {
  return column.format === "number" || column.format === "integer";
}
