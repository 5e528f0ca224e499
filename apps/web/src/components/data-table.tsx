// The one data table: a list of columns draws the header and every row's cells, inside a wrap that scrolls sideways
// on a narrow screen (and, with a height, down).
import { Fragment, type CSSProperties, type MouseEvent, type ReactNode } from "react";

/** `data-*` attributes a test or a style finds a row or cell by (`data-testid`, `data-code`, …). */
export type TDataAttributes = { [name: `data-${string}`]: string | number | boolean | undefined };

export interface TDataColumn<T> {
  key: string;
  header: ReactNode;
  /** The header only for screen readers (an actions or a picture column). */
  headerHidden?: boolean;
  /** The header's tooltip. */
  headerTitle?: string;
  cell: (row: T) => ReactNode;
  /** A number: right-aligned, header included. */
  num?: boolean;
  /** Classes of every cell of the column (mono, nowrap, wrap-narrow …). */
  className?: string;
  /** Per-row attributes of the cell: a tooltip, a test id, a class that depends on the row. */
  cellProps?: (row: T) => { className?: string | undefined; title?: string | undefined } & TDataAttributes;
}

export type TRowProps = { className?: string | undefined; title?: string | undefined } & TDataAttributes;

export interface TDataTableProps<T> {
  /** `false` leaves a column out (e.g. `showCounter && { … }`). */
  columns: readonly (TDataColumn<T> | false)[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowProps?: (row: T) => TRowProps;
  /** The whole row opens something: a click outside its links and buttons calls this (they keep their own). */
  onRowClick?: (row: T) => void;
  /** A full-width row of its own under a row (a parcel's route): a `<tr>` or null. */
  rowAfter?: (row: T) => ReactNode;
  testId?: string;
  /** Classes beside `table` (table-compact …). */
  className?: string;
  /** Read out, not shown. */
  caption?: string;
  /** Classes beside `table-wrap` and its style (a height past which the rows scroll). */
  wrapClassName?: string;
  wrapStyle?: CSSProperties;
  /** Below the table, inside its scrolling wrap (a "more not shown" note). */
  footer?: ReactNode;
  /** The table's own foot (a totals row): `<tr>`s inside `<tfoot>`. */
  foot?: ReactNode;
}

const classes = (...names: Array<string | false | undefined>) => names.filter(Boolean).join(" ") || undefined;

function fromControl(e: MouseEvent) {
  return e.target instanceof Element && e.target.closest("a, button, input, select, textarea, label") !== null;
}

export function DataTable<T>(props: TDataTableProps<T>) {
  const { rows, rowKey, rowProps, onRowClick, rowAfter, testId, caption, footer, foot } = props;
  const columns = props.columns.filter((c): c is TDataColumn<T> => c !== false);
  return (
    <div className={classes("table-wrap", props.wrapClassName)} style={props.wrapStyle}>
      <table className={classes("table", props.className)} data-testid={testId}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.num ? "num" : undefined} title={c.headerTitle}>
                {c.headerHidden ? <span className="sr-only">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const own = rowProps?.(row);
            return (
              <Fragment key={rowKey(row)}>
                <tr
                  {...own}
                  className={classes(onRowClick && "row-link", own?.className)}
                  onClick={onRowClick ? (e) => !fromControl(e) && onRowClick(row) : undefined}
                >
                  {columns.map((c) => {
                    const cell = c.cellProps?.(row);
                    return (
                      <td key={c.key} data-col={c.key} {...cell} className={classes(c.num && "num", c.className, cell?.className)}>
                        {c.cell(row)}
                      </td>
                    );
                  })}
                </tr>
                {rowAfter?.(row)}
              </Fragment>
            );
          })}
        </tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
      {footer}
    </div>
  );
}

/** The last column of a list: one small button opening the row's edit panel, its header read out only. */
export function editColumn<T>(o: {
  header: string;
  label: string;
  testId: string;
  onEdit: (row: T) => void;
  disabled?: boolean;
}): TDataColumn<T> {
  return {
    key: "actions",
    header: o.header,
    headerHidden: true,
    cell: (row) => (
      <button type="button" className="btn btn-small" disabled={o.disabled} onClick={() => o.onEdit(row)} data-testid={o.testId}>
        {o.label}
      </button>
    ),
  };
}
