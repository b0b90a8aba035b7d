"use client";

import {
  defaultRangeExtractor,
  measureElement,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type Virtualizer,
} from "@tanstack/react-virtual";
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from "react";

/** From this many rows on, a view keeps only the visible ones in the DOM. */
export const VIRTUALIZE_FROM = 150;

/**
 * The scroll box a virtual list assumes until the browser has measured it
 * (about 70vh of a laptop screen). A DOM without layout, as in the unit
 * tests, never measures, and would otherwise show no rows at all.
 */
export const INITIAL_RECT = { width: 1024, height: 640 };

/**
 * Follows the scroll box's size, except while it is not laid out (0 × 0:
 * hidden, or no layout engine as in the tests): then the list keeps the
 * size it assumed, rather than drawing no rows at all.
 */
export function observeLaidOutRect(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: Rect) => void,
) {
  return observeElementRect(instance, (rect) => {
    if (rect.width > 0 || rect.height > 0) cb(rect);
  });
}

const NO_STICKY: readonly number[] = [];
const STICKY: CSSProperties = { position: "sticky", top: 0, zIndex: 1 };

export interface ListItemProps {
  role: "listitem";
  "aria-posinset": number;
  "aria-setsize": number;
}

/**
 * Makes an element item `index` of a list of `count`, so that a screen
 * reader tells the whole list's size while only part of it is drawn.
 */
export function listItem(index: number, count: number): ListItemProps {
  return {
    role: "listitem",
    "aria-posinset": index + 1,
    "aria-setsize": count,
  };
}

/**
 * A scrollable list that keeps only the rows in view (and a few around
 * them) in the DOM, each measured once drawn. Rows carry no role of their
 * own: what `renderRow` returns says what is a list item (`listItem`).
 */
export function VirtualList({
  label,
  count,
  getKey,
  estimateSize,
  renderRow,
  stickyIndexes = NO_STICKY,
  gap = 0,
}: {
  /** The list's accessible name. */
  label: string;
  count: number;
  getKey: (index: number) => string;
  estimateSize: (index: number) => number;
  renderRow: (index: number) => ReactNode;
  /** Rows (ascending) that stay on top while their section scrolls. */
  stickyIndexes?: readonly number[];
  /** Space between rows, in pixels. */
  gap?: number;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const sticky = activeSticky(stickyIndexes, range.startIndex);
      return sticky === null || indexes.includes(sticky)
        ? indexes
        : [sticky, ...indexes];
    },
    [stickyIndexes],
  );
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey: getKey,
    gap,
    overscan: 6,
    initialRect: INITIAL_RECT,
    observeElementRect: observeLaidOutRect,
    rangeExtractor,
    // A row that measures 0 is not laid out (no layout engine, as in the
    // tests): keep its estimate rather than squeezing every row into view.
    measureElement: (element, entry, instance) =>
      measureElement(element, entry, instance) ||
      estimateSize(instance.indexFromElement(element)),
  });
  const rows = virtualizer.getVirtualItems();
  const sticky = activeSticky(
    stickyIndexes,
    virtualizer.range?.startIndex ?? 0,
  );

  return (
    <div
      ref={scrollRef}
      role="list"
      aria-label={label}
      // Rows hold nothing to tab to, so the list itself takes focus for
      // scrolling with the keyboard.
      tabIndex={0}
      className="max-h-[70vh] overflow-auto overscroll-contain"
    >
      <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <div
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            className="top-0 left-0 w-full"
            style={
              row.index === sticky
                ? STICKY
                : {
                    position: "absolute",
                    transform: `translateY(${row.start}px)`,
                  }
            }
          >
            {renderRow(row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}

/** The last sticky row at or above `start`: the heading of what is shown. */
function activeSticky(
  indexes: readonly number[],
  start: number,
): number | null {
  let active: number | null = null;
  for (const index of indexes) {
    if (index > start) break;
    active = index;
  }
  return active;
}

/**
 * The element's content width, kept up to date as it resizes; `fallback`
 * until it has been laid out.
 */
export function useWidth(
  ref: RefObject<HTMLElement | null>,
  fallback: number,
): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
