import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** Rows drawn above and below the visible ones, so fast scrolling does not show gaps. */
const OVERSCAN = 4;

interface Props<T> {
  items: T[];
  rowHeight: number;
  /** Height of the scrolling viewport in pixels (the popup's list area is fixed). */
  height: number;
  label: string;
  render: (item: T, index: number) => ComponentChildren;
}

/**
 * A list that renders only the rows in view: 10,000 saved articles cost as much DOM as a screenful.
 * Rows have one fixed height; the spacer keeps the scrollbar honest.
 */
export function VirtualList<T>({ items, rowHeight, height, label, render }: Props<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return (
    <div class="virtual-list" style={{ height: `${height}px` }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul aria-label={label} style={{ height: `${items.length * rowHeight}px` }}>
        {items.slice(first, last).map((item, i) => (
          <li key={first + i} aria-setsize={items.length} aria-posinset={first + i + 1} style={{ top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px` }}>
            {render(item, first + i)}
          </li>
        ))}
      </ul>
    </div>
  );
}
