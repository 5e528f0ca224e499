// The file-import kit of the import pages (network import, arrival manifests, the counter's sales upload): the picked
// sheet with its size limit and message, the file line (picker, file name, the page's button), the file's error, the
// columns with the template to download, the dry run's figures, the table of the server's row errors, and the import
// run polled to its end with its progress bar.
import { skipToken, useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { serverText } from "../lib/api-error.ts";
import { useTRPC } from "../lib/trpc.ts";
import { readFileAsBase64 } from "../lib/files.ts";
import { DataTable } from "./data-table.tsx";
import { useT } from "../i18n/use-t.ts";

/** The largest sheet the import pages send, unless a page says otherwise. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
const SHEET_ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface TSheetFileOptions {
  maxBytes?: number;
  /** The message of a file over the limit, given the limit in MB. */
  tooLarge: (mb: number) => string;
  /** The message of a file that could not be read. */
  readFailed: (message: string) => string;
  /** A check before the size one (the file's type, say): a message, or null when the file passes. */
  check?: (file: File) => string | null;
}

/** The picked file, its error (too large, unreadable …) and the key that clears the file input. */
export function useSheetFile(o: TSheetFileOptions) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const maxBytes = o.maxBytes ?? MAX_IMPORT_FILE_BYTES;

  function pick(picked: File | null) {
    setFile(picked);
    if (!picked) setError(null);
    else setError(o.check?.(picked) ?? (picked.size > maxBytes ? o.tooLarge(maxBytes / 1024 / 1024) : null));
  }

  /** No file, no error, and an empty file input. */
  function clear() {
    setFile(null);
    setError(null);
    setInputKey((k) => k + 1);
  }

  /** The picked file as base64 for JSON transport, or null (no file, or it could not be read: the error says so). */
  async function read(): Promise<{ fileName: string; contentBase64: string } | null> {
    if (!file) return null;
    setError(null);
    try {
      return { fileName: file.name, contentBase64: await readFileAsBase64(file) };
    } catch (e) {
      setError(o.readFailed(e instanceof Error ? e.message : String(e)));
      return null;
    }
  }

  return { file, error, inputKey, pick, clear, read };
}

/** The file line: the picker, the picked file's name, and the page's button after them. */
export function FileLine(props: {
  sheet: { file: File | null; inputKey: number; pick: (file: File | null) => void };
  pickLabel: string;
  noFileLabel: string;
  disabled?: boolean;
  testId: string;
  nameTestId?: string;
  children: ReactNode;
}) {
  const { sheet } = props;
  return (
    <div className="file-line">
      <label className="btn file-pick">
        <input
          key={sheet.inputKey}
          type="file"
          accept={SHEET_ACCEPT}
          className="file-input"
          onChange={(e) => sheet.pick(e.target.files?.[0] ?? null)}
          disabled={props.disabled}
          data-testid={props.testId}
        />
        {props.pickLabel}
      </label>
      <span className="file-name" data-testid={props.nameTestId}>
        {sheet.file ? sheet.file.name : props.noFileLabel}
      </span>
      {props.children}
    </div>
  );
}

/** The picked file's error, if any. */
export function FileError({ error, testId }: { error: string | null; testId?: string }) {
  return error ? (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      {error}
    </div>
  ) : null;
}

export interface TRowError {
  row: number;
  column: string;
  message: string;
  key?: string | null | undefined;
  params?: Record<string, string | number> | null | undefined;
}

/** The server's errors of a sheet, one a row: its row, column and reason. */
export function RowErrorsTable(props: {
  errors: readonly TRowError[];
  labels: { row: string; column: string; reason: string };
  testId: string;
  rowTestId: string;
}) {
  const t = useT("common");
  const { labels, rowTestId } = props;
  const rows = props.errors.map((error, index) => ({ error, index }));
  return (
    <DataTable
      rows={rows}
      rowKey={({ error: e, index }) => `${e.row}-${e.column}-${index}`}
      rowProps={({ error: e }) => ({ "data-testid": rowTestId, "data-row": e.row })}
      columns={[
        { key: "row", header: labels.row, className: "mono", cell: ({ error: e }) => e.row },
        { key: "column", header: labels.column, className: "mono", cell: ({ error: e }) => e.column || t("common.none") },
        { key: "reason", header: labels.reason, className: "wrap", cell: ({ error: e }) => serverText(e, e.column) },
      ]}
      testId={props.testId}
      className="table-compact"
      wrapClassName="errors-wrap"
    />
  );
}

/** A one-line CSV with the header row (with a BOM so spreadsheet programs read it as UTF-8). */
export function csvTemplateHref(header: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${header}\n`)}`;
}

/** The columns a sheet takes, a hint on them, and the template to download. */
export function SheetTemplate(props: {
  label: string;
  columns: string;
  columnsTestId: string;
  hint: string;
  /** The template's header row (a CSV line). */
  header: string;
  fileName: string;
  linkLabel: string;
  linkTestId: string;
}) {
  return (
    <div className="headers-box">
      <span className="muted small">{props.label}</span>
      <code className="mono headers-line" data-testid={props.columnsTestId}>
        {props.columns}
      </code>
      <p className="muted small">{props.hint}</p>
      <a className="small" href={csvTemplateHref(props.header)} download={props.fileName} data-testid={props.linkTestId}>
        {props.linkLabel}
      </a>
    </div>
  );
}

export type TImportRunStatus = "PENDING" | "RUNNING" | "DONE" | "FAILED";

export const isFinalRun = (status: TImportRunStatus | undefined) => status === "DONE" || status === "FAILED";

const POLL_MS = 500;

/** A county's import run (network sheets, divisions, an arrival manifest), polled until it is done or failed. */
export function useImportRun(countyCode: string | null, importId: string | null) {
  const trpc = useTRPC();
  return useQuery(
    trpc.network.imports.get.queryOptions(importId && countyCode ? { countyCode, importId } : skipToken, {
      refetchInterval: (query) => (isFinalRun(query.state.data?.status) ? false : POLL_MS),
      staleTime: 0,
    }),
  );
}

/** The progress of an import job: a bar (moving stripes while the size is not known yet), the rows done of all, and
 *  with `showStatus` the job's status. */
export function ImportProgress(props: {
  status: TImportRunStatus;
  done: number;
  total: number;
  showStatus?: boolean;
  testId: string;
  countTestId?: string;
}) {
  const t = useT("common");
  const { status, done, total } = props;
  const rate = total > 0 ? Math.min(1, done / total) : status === "DONE" ? 1 : 0;
  const pill = status === "DONE" ? "status-active" : status === "FAILED" ? "status-closed" : "status-suspended";
  return (
    <div className="progress-block">
      <div
        className={`progress progress-${status.toLowerCase()}${total === 0 && !isFinalRun(status) ? " progress-indeterminate" : ""}`}
        role="progressbar"
        aria-label={t("fileImport.progress")}
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={total ? done : rate}
        data-status={status}
        data-testid={props.testId}
      >
        <div className="progress-fill" style={{ width: `${Math.round(rate * 100)}%` }} />
      </div>
      <div className="progress-text">
        {props.showStatus ? <span className={`status-pill ${pill}`}>{t(`fileImport.status.${status}`)}</span> : null}
        <span className="mono" data-testid={props.countTestId}>
          {done}/{total}
        </span>
      </div>
    </div>
  );
}
