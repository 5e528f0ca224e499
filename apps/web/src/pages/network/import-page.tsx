// 导入: CSV/XLSX of nodes, lanes, vehicles or poor villages — dry-run preview with per-row errors, then a
// background import job polled to completion; "divisions" re-imports the county's administrative areas.
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FileError, FileLine, RowErrorsTable, useSheetFile } from "../../components/file-import.tsx";
import { type TImportJob, type TImportKind } from "../../lib/network-api.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { readApiError } from "../../lib/api-error.ts";
import { CountyScope } from "../county/county-scope.tsx";
import { ErrorSummary } from "./error-summary.tsx";
import { useRefreshNetwork } from "./network-data.ts";

type TFileKind = Exclude<TImportKind, "divisions">;

const KINDS: readonly TImportKind[] = ["nodes", "lanes", "vehicles", "poor", "divisions"];

/** The columns each file kind accepts, in the agreed order. */
export const IMPORT_HEADERS: Record<TFileKind, string> = {
  nodes: "code,name,tier,areaCode,parentCode,cold,selfPickup,status",
  lanes: "code,from,to,mode,departures,weekdays,cutoffMinutes,transitMinutes,cold",
  vehicles: "number,plate,homeNode,capacityKg,capacityM3,cold,energy",
  poor: "code",
};

const POLL_MS = 500;

const isFinal = (status: TImportJob["status"] | undefined) => status === "DONE" || status === "FAILED";

/** A one-line CSV with the header row (with a BOM so spreadsheet programs read it as UTF-8). */
function templateHref(kind: TFileKind): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${IMPORT_HEADERS[kind]}\n`)}`;
}

export function ImportPage() {
  return <CountyScope>{(countyCode) => <ImportView countyCode={countyCode} />}</CountyScope>;
}

function ImportView({ countyCode }: { countyCode: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshNetwork();
  const [kind, setKind] = useState<TImportKind>("nodes");
  const sheet = useSheetFile({
    tooLarge: (mb) => t("imports.tooLarge", { mb }),
    readFailed: (message) => t("imports.readFailed", { message }),
  });
  const { file, error: fileError } = sheet;
  const [payload, setPayload] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [importId, setImportId] = useState<string | null>(null);

  const preview = useMutation(trpc.network.imports.preview.mutationOptions());
  const start = useMutation(trpc.network.imports.start.mutationOptions({ onSuccess: (r) => setImportId(r.importId) }));
  const job = useQuery(
    trpc.network.imports.get.queryOptions(importId ? { countyCode, importId } : skipToken, {
      refetchInterval: (query) => (isFinal(query.state.data?.status) ? false : POLL_MS),
      staleTime: 0,
    }),
  );
  const jobStatus = job.data?.status;
  const running = importId !== null && !isFinal(jobStatus) && !job.isError;

  // Once a job ends, every network page must show what it wrote.
  const refreshed = useRef<string | null>(null);
  useEffect(() => {
    if (importId && isFinal(jobStatus) && refreshed.current !== importId) {
      refreshed.current = importId;
      void refresh();
    }
  }, [importId, jobStatus, refresh]);

  function reset(nextKind: TImportKind = kind) {
    setKind(nextKind);
    sheet.clear();
    setPayload(null);
    setImportId(null);
    preview.reset();
    start.reset();
  }

  function onPick(picked: File | null) {
    sheet.pick(picked);
    setPayload(null);
    setImportId(null);
    preview.reset();
    start.reset();
  }

  async function onPreview() {
    if (!file || kind === "divisions") return;
    setImportId(null);
    start.reset();
    const body = await sheet.read();
    if (!body) return;
    setPayload(body);
    preview.mutate({ countyCode, kind, ...body });
  }

  const previewed = preview.data && payload ? preview.data : null;
  const rowErrorLabels = { row: t("imports.row"), column: t("imports.column"), reason: t("imports.reason") };
  const canCommit = previewed !== null && previewed.errors.length === 0 && previewed.rows > 0 && !running && importId === null;

  return (
    <>
      <section className="card">
        <h2 className="card-title">{t("imports.title")}</h2>
        <div className="segmented" role="radiogroup" aria-label={t("imports.kind")}>
          {KINDS.map((k) => (
            <label key={k} className={`segment${k === kind ? " active" : ""}`}>
              <input
                type="radio"
                name="import-kind"
                value={k}
                checked={k === kind}
                disabled={running}
                onChange={() => reset(k)}
                data-testid={`import-kind-${k}`}
              />
              <span>{t(`imports.kinds.${k}`)}</span>
            </label>
          ))}
        </div>

        {kind === "divisions" ? (
          <div className="import-step">
            <p>{t("imports.divisionsLead")}</p>
            <p>
              {t("imports.countyCode")}: <code className="mono">{countyCode}</code>
            </p>
            <ErrorSummary error={start.error} fields={[]} testId="import-start-error" />
            <button
              type="button"
              className="btn btn-primary"
              disabled={running || start.isPending}
              onClick={() => {
                setImportId(null);
                start.mutate({ countyCode, kind: "divisions" });
              }}
              data-testid="import-divisions-start"
            >
              {t("imports.divisionsStart")}
            </button>
          </div>
        ) : (
          <div className="import-step">
            <div className="headers-box">
              <span className="muted small">{t("imports.headers")}</span>
              <code className="mono headers-line" data-testid="import-headers">
                {IMPORT_HEADERS[kind]}
              </code>
              <p className="muted small">{t(`imports.hints.${kind}`)}</p>
              <a className="small" href={templateHref(kind)} download={`${kind}-template.csv`} data-testid="import-template">
                {t("imports.template")}
              </a>
            </div>
            <FileLine
              sheet={{ ...sheet, pick: onPick }}
              pickLabel={t("imports.pickFile")}
              noFileLabel={t("imports.noFile")}
              disabled={running}
              testId="import-file"
              nameTestId="import-file-name"
            >
              <button
                type="button"
                className="btn btn-primary"
                disabled={!file || fileError !== null || preview.isPending || running}
                onClick={() => void onPreview()}
                data-testid="import-preview"
              >
                {preview.isPending ? t("imports.previewing") : t("imports.preview")}
              </button>
            </FileLine>
            <FileError error={fileError} />
            <ErrorSummary error={preview.error} fields={[]} testId="import-preview-error" />
            {previewed ? (
              <div className="import-result" data-testid="import-preview-result">
                <p className="muted small">{t("imports.dryRunNote")}</p>
                <dl className="figures" data-testid="import-preview-summary">
                  <div>
                    <dt>{t("imports.rows")}</dt>
                    <dd>{previewed.rows}</dd>
                  </div>
                  <div>
                    <dt>{t("imports.toCreate")}</dt>
                    <dd>{previewed.toCreate}</dd>
                  </div>
                  <div>
                    <dt>{t("imports.toUpdate")}</dt>
                    <dd>{previewed.toUpdate}</dd>
                  </div>
                  <div>
                    <dt>{t("imports.errorCount")}</dt>
                    <dd className={previewed.errors.length > 0 ? "danger-text" : undefined}>{previewed.errors.length}</dd>
                  </div>
                </dl>
                {previewed.errors.length > 0 ? (
                  <>
                    <div className="alert alert-error" role="alert">
                      {t("imports.fixErrors")}
                    </div>
                    <RowErrorsTable errors={previewed.errors} labels={rowErrorLabels} testId="import-errors" rowTestId="import-error-row" />
                  </>
                ) : previewed.rows === 0 ? (
                  <p className="muted">{t("imports.emptyFile")}</p>
                ) : null}
                <ErrorSummary error={start.error} fields={[]} testId="import-start-error" />
                {importId === null ? (
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={!canCommit || start.isPending}
                    onClick={() => payload && start.mutate({ countyCode, kind, ...payload })}
                    data-testid="import-commit"
                  >
                    {start.isPending ? t("imports.starting") : t("imports.commit")}
                  </button>
                ) : null}
              </div>
            ) : null}
          </div>
        )}
      </section>

      {importId ? (
        <section className="card" aria-live="polite">
          <h2 className="card-title">{t("imports.jobTitle")}</h2>
          {job.isError ? (
            <div className="alert alert-error" role="alert">
              <span>{t("common.loadFailed", { message: readApiError(job.error).message })}</span>
              <button type="button" className="btn btn-small" onClick={() => void job.refetch()}>
                {t("common.retry")}
              </button>
            </div>
          ) : null}
          <ImportProgress job={job.data} />
          {job.data && isFinal(job.data.status) ? (
            <>
              {job.data.status === "FAILED" ? (
                <div className="alert alert-error" role="alert" data-testid="import-failed">
                  {t("imports.failed", { message: job.data.error ?? t("common.none") })}
                </div>
              ) : null}
              <ImportSummary job={job.data} />
              {job.data.errors.length > 0 ? (
                <RowErrorsTable errors={job.data.errors} labels={rowErrorLabels} testId="import-job-errors" rowTestId="import-error-row" />
              ) : null}
              <button type="button" className="btn" onClick={() => reset()} data-testid="import-again">
                {t("imports.again")}
              </button>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export function ImportProgress({ job }: { job: TImportJob | undefined }) {
  const { t } = useTranslation();
  const status = job?.status ?? "PENDING";
  const total = job?.total ?? 0;
  const done = job?.done ?? 0;
  const rate = total > 0 ? Math.min(1, done / total) : status === "DONE" ? 1 : 0;
  return (
    <div className="progress-block">
      <div
        className={`progress progress-${status.toLowerCase()}${total === 0 && !isFinal(status) ? " progress-indeterminate" : ""}`}
        role="progressbar"
        aria-label={t("imports.progress")}
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={total ? done : rate}
        data-status={status}
        data-testid="import-progress"
      >
        <div className="progress-fill" style={{ width: `${Math.round(rate * 100)}%` }} />
      </div>
      <div className="progress-text">
        <span className={`status-pill ${status === "DONE" ? "status-active" : status === "FAILED" ? "status-closed" : "status-suspended"}`}>
          {t(`imports.status.${status}`)}
        </span>
        <span className="mono" data-testid="import-progress-count">
          {done}/{total}
        </span>
      </div>
    </div>
  );
}

const SUMMARY_KEYS = [
  "rows",
  "created",
  "updated",
  "skipped",
  "added",
  "renamed",
  "removed",
  "restored",
  "unchanged",
  "marked",
  "unmarked",
  "townships",
  "villageUnits",
  "villageCommittees",
  "county",
] as const;
type TSummaryKey = (typeof SUMMARY_KEYS)[number];
const isSummaryKey = (key: string): key is TSummaryKey => (SUMMARY_KEYS as readonly string[]).includes(key);

/** One item of a list in the summary (a renamed or removed area, say), as short text. */
function itemText(item: unknown): string {
  if (typeof item !== "object" || item === null) return String(item);
  const rec = item as Record<string, unknown>;
  const str = (k: string) => (typeof rec[k] === "string" || typeof rec[k] === "number" ? String(rec[k]) : undefined);
  if (str("from") && str("to")) return `${str("code") ?? ""} ${str("from")} → ${str("to")}`.trim();
  const label = [str("code"), str("name")].filter(Boolean).join(" ");
  return label || JSON.stringify(item);
}

function ImportSummary({ job }: { job: TImportJob }) {
  const { t } = useTranslation();
  const entries = Object.entries(job.summary ?? {});
  if (entries.length === 0) return null;
  const label = (key: string) => (isSummaryKey(key) ? t(`imports.summaryKeys.${key}`) : key);
  return (
    <div className="import-summary" data-testid="import-summary">
      <h3 className="subheading">{t("imports.summary")}</h3>
      <dl className="figures">
        {entries.map(([key, value]) => (
          <div key={key} data-key={key}>
            <dt>{label(key)}</dt>
            <dd>{Array.isArray(value) ? value.length : typeof value === "object" && value !== null ? itemText(value) : String(value)}</dd>
          </div>
        ))}
      </dl>
      {entries
        .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]) && entry[1].length > 0)
        .map(([key, list]) => (
          <details key={key} className="summary-list">
            <summary>
              {label(key)}（{list.length}）
            </summary>
            <ul>
              {list.slice(0, 200).map((item, i) => (
                <li key={i}>{itemText(item)}</li>
              ))}
            </ul>
            {list.length > 200 ? <p className="muted small">{t("network.andMore", { count: list.length - 200 })}</p> : null}
          </details>
        ))}
    </div>
  );
}
