// Shapes shared by every network import: per-row issues and the dry-run summary.
export interface ImportIssue {
  /// Spreadsheet row number (header = 1), or 0 for the file as a whole.
  row: number;
  column: string;
  message: string;
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
  p: { ok: true; value: T } | { ok: false; message: string },
): T | undefined {
  if (p.ok) return p.value;
  errors.push({ row, column, message: p.message });
  return undefined;
}

export function requireColumns(columns: string[], required: string[]): ImportIssue[] {
  return required.filter((c) => !columns.includes(c)).map((c) => ({ row: 1, column: c, message: `missing column "${c}"` }));
}
