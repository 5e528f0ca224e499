// A dashboard table and its "Export XLSX" button, both from one list of columns: the file holds what the table shows.
import { useMemo, useState, type ReactNode } from "react";
import { DataTable } from "../../../../components/data-table.tsx";
import { readApiError } from "../../../../lib/api-error.ts";
import { useDashboard } from "../dashboard-context.ts";
import { formatCount, formatRate, formatYuan } from "../dashboard-format.ts";
import { downloadXlsx, xlsxFileName, type TColumn } from "../xlsx.ts";
import { useT } from "../../../../i18n/use-t.ts";

export interface TTableColumn<T> extends TColumn<T> {
  /** What the cell shows when it is more than the value (a link, a pill); the file still gets `value`. */
  render?: (row: T) => ReactNode;
  /** In the file only (codes a person does not need on screen). */
  exportOnly?: boolean;
}

function shown<T>(column: TTableColumn<T>, row: T): ReactNode {
  if (column.render) return column.render(row);
  const value = column.value(row);
  if (value === null || value === "") return <span className="muted">—</span>;
  if (typeof value === "string") return value;
  switch (column.kind) {
    case "rate":
      return formatRate(value);
    case "fen":
      return formatYuan(value);
    case "decimal":
      return formatCount(value, 1);
    default:
      return formatCount(value);
  }
}

interface Props<T> {
  columns: readonly TTableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** File and sheet title, e.g. 红灯清单 → 红灯清单-210881-2026-11-23.xlsx. */
  exportTitle: string;
  caption: string;
  testId: string;
  /** Shown instead of an empty table. */
  empty?: ReactNode;
  /** Rows beyond this scroll inside the table (the export has them all). */
  maxHeight?: number;
  rowTestId?: string;
  /** Left out of print when a chart already shows the same (per-day series); the file still has it. */
  screenOnly?: boolean;
}

export function ExportButton<T>({
  columns,
  rows,
  title,
  testId,
}: {
  columns: readonly TColumn<T>[];
  rows: readonly T[];
  title: string;
  testId: string;
}) {
  const t = useT("dashboard");
  const { countyCode, today } = useDashboard();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const run = async () => {
    setState({ busy: true, error: null });
    try {
      await downloadXlsx(xlsxFileName(title, countyCode, today), title, columns, rows);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: readApiError(error).message });
    }
  };
  return (
    <span className="export-wrap no-print">
      <button
        type="button"
        className="btn btn-small"
        disabled={state.busy || rows.length === 0}
        onClick={() => void run()}
        data-testid={testId}
      >
        {state.busy ? t("table.exporting") : t("table.export")}
      </button>
      {state.error ? (
        <span className="danger-text small" role="alert">
          {t("table.exportFailed", { message: state.error })}
        </span>
      ) : null}
    </span>
  );
}

export function ExportTable<T>(props: Props<T>) {
  const { columns, rows, rowKey, exportTitle, caption, testId, empty, maxHeight, rowTestId, screenOnly } = props;
  const t = useT("dashboard");
  return (
    <div className={`dash-table${screenOnly ? " no-print" : ""}`} data-testid={testId}>
      <div className="dash-table-head">
        <span className="dash-table-caption">{caption}</span>
        <span className="muted small">{t("table.rows", { count: rows.length })}</span>
        <ExportButton columns={columns} rows={rows} title={exportTitle} testId={`${testId}-export`} />
      </div>
      {rows.length === 0 ? (
        <p className="muted small">{empty ?? t("table.empty")}</p>
      ) : (
        <DataTable
          columns={columns
            .filter((c) => !c.exportOnly)
            .map((c) => ({ key: c.key, header: c.header, num: !!c.kind && c.kind !== "text", cell: (row: T) => shown(c, row) }))}
          rows={rows}
          rowKey={rowKey}
          rowProps={() => ({ "data-testid": rowTestId })}
          className="table-compact"
          caption={caption}
          wrapClassName="dash-table-scroll"
          wrapStyle={maxHeight ? { maxHeight } : undefined}
        />
      )}
    </div>
  );
}

/** A section's table by day, the newest day first (the one a manager looks at); not printed, as its chart shows the
 *  same. `days` come oldest first, as the API sends them. */
export function DayTable<T extends { day: string }>(props: Omit<Props<T>, "rows" | "rowKey" | "screenOnly"> & { days: readonly T[] }) {
  const { days, maxHeight = 260, ...rest } = props;
  const rows = useMemo(() => [...days].reverse(), [days]);
  return <ExportTable {...rest} rows={rows} rowKey={(r) => r.day} maxHeight={maxHeight} screenOnly />;
}
