import { ReactNode, UIEvent, useCallback, useState } from 'react';

/**
 * A scrolling table that mounts only the rows in view (plus `overscan` either side), all of one
 * height, so thousands of rows cost what a screenful costs. It is an ARIA table: the header row
 * (its cells `columnheader`s) and the rows (their cells `cell`s) each in a rowgroup; the rows'
 * rowgroup scrolls, and takes the keyboard's focus so the arrow keys scroll it.
 */
export function VirtualRows<T>(props: {
  rows: T[];
  rowHeight: number;
  /** Height of the visible area, in pixels. */
  height: number;
  overscan?: number;
  renderRow: (row: T, index: number) => ReactNode;
  /** The header row's content, above the scrolling rows. */
  header?: ReactNode;
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
  const headerRows = props.header ? 1 : 0;
  return (
    <div
      role="table"
      aria-label={props['aria-label']}
      aria-rowcount={rows.length + headerRows}
    >
      {props.header && (
        <div role="rowgroup">
          <div role="row" aria-rowindex={1}>
            {props.header}
          </div>
        </div>
      )}
      <div
        role="rowgroup"
        // The scrolling rows take focus, so the keyboard scrolls them (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
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
              aria-rowindex={first + i + 1 + headerRows}
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
    </div>
  );
}
