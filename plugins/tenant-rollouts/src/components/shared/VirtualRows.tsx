import { ReactNode, UIEvent, useCallback, useState } from 'react';

/**
 * A scrolling list that mounts only the rows in view (plus `overscan` either side), all of one
 * height, so thousands of rows cost what a screenful costs.
 */
export function VirtualRows<T>(props: {
  rows: T[];
  rowHeight: number;
  /** Height of the visible area, in pixels. */
  height: number;
  overscan?: number;
  renderRow: (row: T, index: number) => ReactNode;
  'aria-label'?: string;
}) {
  const { rows, rowHeight, height, overscan = 10, renderRow } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>) =>
      setScrollTop(event.currentTarget.scrollTop),
    [],
  );
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(
    rows.length,
    Math.ceil((scrollTop + height) / rowHeight) + overscan,
  );
  return (
    <div
      role="table"
      aria-label={props['aria-label']}
      aria-rowcount={rows.length}
      style={{
        height: Math.min(height, rows.length * rowHeight),
        overflowY: 'auto',
      }}
      onScroll={onScroll}
    >
      <div style={{ height: rows.length * rowHeight, position: 'relative' }}>
        {rows.slice(first, last).map((row, i) => (
          <div
            key={first + i}
            role="row"
            aria-rowindex={first + i + 1}
            style={{
              position: 'absolute',
              top: (first + i) * rowHeight,
              height: rowHeight,
              left: 0,
              right: 0,
            }}
          >
            {renderRow(row, first + i)}
          </div>
        ))}
      </div>
    </div>
  );
}
