import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { Key, ReactNode } from 'react';
import { TableScroller } from './TableScroller';

/** One column of a `DataTable`: its header, how a row fills its cell, and how the cell sits. */
export interface DataColumn<Row> {
  /** The header's text: the column header's accessible name. */
  header: string;
  /** Tells apart columns with the same header (e.g. one per environment); the header by default. */
  id?: string;
  cell: (row: Row) => ReactNode;
  /** `right` for figures. */
  align?: 'left' | 'center' | 'right';
  /** Keeps the cells on one line (headers always are). */
  nowrap?: boolean;
  /** The least width of the cells, for text that wraps. */
  minWidth?: number;
  /** A cell's tooltip text, e.g. the exact time behind a relative one. */
  title?: (row: Row) => string | undefined;
}

export interface DataTableProps<Row> {
  /** The table's accessible name. */
  'aria-label': string;
  columns: ReadonlyArray<DataColumn<Row> | false | undefined>;
  rows: readonly Row[];
  /** A key per row, stable across renders. */
  rowKey: (row: Row) => Key;
  /** Rows light up under the pointer. */
  hover?: boolean;
  /** The row shown as selected. */
  isSelected?: (row: Row) => boolean;
  /** A click anywhere on a row; the row shows a pointer. */
  onRowClick?: (row: Row) => void;
}

const useStyles = makeStyles({
  header: { whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  clickable: { cursor: 'pointer' },
});

/**
 * A small table of rows, one cell per column, as Material UI's small table: the header row,
 * then a row per item (no rows, no body rows: the caller says what an empty list means).
 * Columns given as `false` or `undefined` are left out, so an optional column reads
 * `props.showEntity && entityColumn`. A table wider than its card scrolls sideways inside it
 * (`TableScroller`).
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const classes = useStyles();
  const columns = props.columns.filter((c): c is DataColumn<Row> => !!c);
  const { onRowClick } = props;
  return (
    <TableScroller label={props['aria-label']}>
      <Table size="small" aria-label={props['aria-label']}>
        <TableHead>
          <TableRow>
            {columns.map(column => (
              <TableCell
                key={column.id ?? column.header}
                align={column.align}
                className={classes.header}
              >
                {column.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map(row => (
            <TableRow
              key={props.rowKey(row)}
              hover={props.hover}
              selected={props.isSelected?.(row)}
              onClick={onRowClick && (() => onRowClick(row))}
              className={onRowClick && classes.clickable}
            >
              {columns.map(column => (
                <TableCell
                  key={column.id ?? column.header}
                  align={column.align}
                  title={column.title?.(row)}
                  className={column.nowrap ? classes.nowrap : undefined}
                  style={
                    column.minWidth ? { minWidth: column.minWidth } : undefined
                  }
                >
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroller>
  );
}
