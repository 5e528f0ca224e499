// Shapes shared by every file import (network, manifests, counter sales): per-row issues and the dry-run summary.
import { errorText, type ErrorParamsArg, type TErrorKey, type TErrorParamValue } from "@xiangda/domain";
export interface ImportIssue {
  /// Spreadsheet row number (header = 1), or 0 for the file as a whole.
  row: number;
  column: string;
  /// English, for logs and the CLI; the web app translates `key` with `params` (ERROR_MESSAGES).
  message: string;
  key?: TErrorKey | undefined;
  params?: Record<string, TErrorParamValue> | undefined;
}

/// An issue of one row from a catalog key.
export function rowIssue<K extends TErrorKey>(row: number, column: string, key: K, ...[params]: ErrorParamsArg<K>): ImportIssue {
  const p = (params ?? {}) as Record<string, TErrorParamValue>;
  return { row, column, message: errorText(key, p), key, params: p };
}

export interface ImportPlan<T> {
  rows: number;
  items: T[];
  toCreate: number;
  toUpdate: number;
  errors: ImportIssue[];
}

export interface ImportOutcome {
  rows: number;
  created: number;
  updated: number;
}

export type Progress = (done: number, total: number) => void;

/// Collects the parse result of one cell, recording an issue when it failed.
export function cell<T>(
  errors: ImportIssue[],
  row: number,
  column: string,
  p:
    | { ok: true; value: T }
    | { ok: false; message: string; key?: TErrorKey | undefined; params?: Record<string, TErrorParamValue> | undefined },
): T | undefined {
  if (p.ok) return p.value;
  errors.push({ row, column, message: p.message, key: p.key, params: p.params });
  return undefined;
}

export function requireColumns(columns: string[], required: string[]): ImportIssue[] {
  return required.filter((c) => !columns.includes(c)).map((c) => rowIssue(1, c, "MISSING_COLUMN", { column: c }));
}
