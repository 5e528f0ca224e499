// 导入: CSV/XLSX of nodes, lanes, vehicles or poor villages — dry-run preview with per-row errors, then a
// background import job polled to completion; "divisions" re-imports the county's administrative areas.
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import {
  FileError,
  FileLine,
  ImportProgress,
  isFinalRun,
  RowErrorsTable,
  SheetTemplate,
  useImportRun,
  useSheetFile,
} from "../../../components/file-import.tsx";
import { readApiError } from "../../../lib/api-error.ts";
import { type TImportJob, type TImportKind } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { CountyScope } from "../county-scope.tsx";
import { ErrorSummary } from "../../../components/form/error-summary.tsx";
import { FigureList } from "../../../components/figure-list.tsx";
import { useRefreshNetwork } from "./network-data.ts";
import { useT } from "../../../i18n/use-t.ts";

type TFileKind = Exclude<TImportKind, "divisions">;

const KINDS: readonly TImportKind[] = ["nodes", "lanes", "vehicles", "poor", "divisions"];

/** The columns each file kind accepts, in the agreed order. */
export const IMPORT_HEADERS: Record<TFileKind, string> = {
  nodes: "code,name,tier,areaCode,parentCode,cold,selfPickup,status",
  lanes: "code,from,to,mode,departures,weekdays,cutoffMinutes,transitMinutes,cold",
  vehicles: "number,plate,homeNode,capacityKg,capacityM3,cold,energy",
  poor: "code",
};

type TPayload = { fileName: string; contentBase64: string };

export function ImportPage() {
  return <CountyScope>{(countyCode) => <ImportView countyCode={countyCode} />}</CountyScope>;
}

function ImportView({ countyCode }: { countyCode: string }) {
  const t = useT("network");
  const trpc = useTRPC();
  const refresh = useRefreshNetwork();
  const [kind, setKind] = useState<TImportKind>("nodes");
  const [importId, setImportId] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const start = useMutation(trpc.network.imports.start.mutationOptions({ onSuccess: (r) => setImportId(r.importId) }));
  const job = useImportRun(countyCode, importId);
  const jobStatus = job.data?.status;
  const running = importId !== null && !isFinalRun(jobStatus) && !job.isError;

  // Once a job ends, every network page must show what it wrote.
  const refreshed = useRef<string | null>(null);
  useEffect(() => {
    if (importId && isFinalRun(jobStatus) && refreshed.current !== importId) {
      refreshed.current = importId;
      void refresh();
    }
  }, [importId, jobStatus, refresh]);

  /** A fresh start: the kind picked, no file, no preview, no job. */
  function reset(nextKind: TImportKind = kind) {
    setKind(nextKind);
    setImportId(null);
    start.reset();
    setRound((r) => r + 1);
  }

  const startJob = (input: { kind: "divisions" } | ({ kind: TFileKind } & TPayload)) => {
    setImportId(null);
    start.mutate({ countyCode, ...input });
  };

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
              onClick={() => startJob({ kind: "divisions" })}
              data-testid="import-divisions-start"
            >
              {t("imports.divisionsStart")}
            </button>
          </div>
        ) : (
          <SheetStep
            key={`${kind}-${round}`}
            countyCode={countyCode}
            kind={kind}
            start={start}
            started={importId !== null}
            running={running}
            onStart={(payload) => startJob({ kind, ...payload })}
            onPicked={() => {
              setImportId(null);
              start.reset();
            }}
          />
        )}
      </section>

      {importId ? <JobCard job={job} onAgain={() => reset()} /> : null}
    </>
  );
}

/** A sheet's step: the columns and template, the file, the dry run with its figures and row errors, and the commit. */
function SheetStep(props: {
  countyCode: string;
  kind: TFileKind;
  start: { error: unknown; isPending: boolean };
  started: boolean;
  running: boolean;
  onStart: (payload: TPayload) => void;
  /** A new file, or a new dry run: whatever was started before is forgotten. */
  onPicked: () => void;
}) {
  const t = useT("network");
  const trpc = useTRPC();
  const { countyCode, kind, start, started, running } = props;
  const sheet = useSheetFile({
    tooLarge: (mb) => t("imports.tooLarge", { mb }),
    readFailed: (message) => t("imports.readFailed", { message }),
  });
  const [payload, setPayload] = useState<TPayload | null>(null);
  const preview = useMutation(trpc.network.imports.preview.mutationOptions());

  function onPick(picked: File | null) {
    sheet.pick(picked);
    setPayload(null);
    preview.reset();
    props.onPicked();
  }

  async function onPreview() {
    if (!sheet.file) return;
    props.onPicked();
    const body = await sheet.read();
    if (!body) return;
    setPayload(body);
    preview.mutate({ countyCode, kind, ...body });
  }

  const previewed = preview.data && payload ? preview.data : null;
  const canCommit = previewed !== null && previewed.errors.length === 0 && previewed.rows > 0 && !running && !started;
  return (
    <div className="import-step">
      <SheetTemplate
        label={t("imports.headers")}
        columns={IMPORT_HEADERS[kind]}
        columnsTestId="import-headers"
        hint={t(`imports.hints.${kind}`)}
        header={IMPORT_HEADERS[kind]}
        fileName={`${kind}-template.csv`}
        linkLabel={t("imports.template")}
        linkTestId="import-template"
      />
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
          disabled={!sheet.file || sheet.error !== null || preview.isPending || running}
          onClick={() => void onPreview()}
          data-testid="import-preview"
        >
          {preview.isPending ? t("imports.previewing") : t("imports.preview")}
        </button>
      </FileLine>
      <FileError error={sheet.error} />
      <ErrorSummary error={preview.error} fields={[]} testId="import-preview-error" />
      {previewed ? (
        <div className="import-result" data-testid="import-preview-result">
          <p className="muted small">{t("imports.dryRunNote")}</p>
          <FigureList
            testId="import-preview-summary"
            items={[
              { key: "rows", label: t("imports.rows"), value: previewed.rows },
              { key: "toCreate", label: t("imports.toCreate"), value: previewed.toCreate },
              { key: "toUpdate", label: t("imports.toUpdate"), value: previewed.toUpdate },
              { key: "errors", label: t("imports.errorCount"), value: previewed.errors.length, bad: previewed.errors.length > 0 },
            ]}
          />
          {previewed.errors.length > 0 ? (
            <>
              <div className="alert alert-error" role="alert">
                {t("imports.fixErrors")}
              </div>
              <ImportRowErrors errors={previewed.errors} testId="import-errors" />
            </>
          ) : previewed.rows === 0 ? (
            <p className="muted">{t("imports.emptyFile")}</p>
          ) : null}
          <ErrorSummary error={start.error} fields={[]} testId="import-start-error" />
          {!started ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={!canCommit || start.isPending}
              onClick={() => payload && props.onStart(payload)}
              data-testid="import-commit"
            >
              {start.isPending ? t("imports.starting") : t("imports.commit")}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function ImportRowErrors({ errors, testId }: { errors: TImportJob["errors"]; testId: string }) {
  const t = useT("network");
  const labels = { row: t("imports.row"), column: t("imports.column"), reason: t("imports.reason") };
  return <RowErrorsTable errors={errors} labels={labels} testId={testId} rowTestId="import-error-row" />;
}

/** The import job: its progress, and once it ends its outcome, summary and row errors. */
function JobCard({ job, onAgain }: { job: ReturnType<typeof useImportRun>; onAgain: () => void }) {
  const t = useT("network");
  const tc = useT("common");
  const data = job.data;
  return (
    <section className="card" aria-live="polite">
      <h2 className="card-title">{t("imports.jobTitle")}</h2>
      {job.isError ? (
        <div className="alert alert-error" role="alert">
          <span>{tc("common.loadFailed", { message: readApiError(job.error).message })}</span>
          <button type="button" className="btn btn-small" onClick={() => void job.refetch()}>
            {tc("common.retry")}
          </button>
        </div>
      ) : null}
      <ImportProgress
        status={data?.status ?? "PENDING"}
        done={data?.done ?? 0}
        total={data?.total ?? 0}
        showStatus
        testId="import-progress"
        countTestId="import-progress-count"
      />
      {data && isFinalRun(data.status) ? (
        <>
          {data.status === "FAILED" ? (
            <div className="alert alert-error" role="alert" data-testid="import-failed">
              {t("imports.failed", { message: data.error ?? tc("common.none") })}
            </div>
          ) : null}
          <ImportSummary job={data} />
          {data.errors.length > 0 ? <ImportRowErrors errors={data.errors} testId="import-job-errors" /> : null}
          <button type="button" className="btn" onClick={onAgain} data-testid="import-again">
            {t("imports.again")}
          </button>
        </>
      ) : null}
    </section>
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
  const t = useT("network");
  const entries = Object.entries(job.summary ?? {});
  if (entries.length === 0) return null;
  const label = (key: string) => (isSummaryKey(key) ? t(`imports.summaryKeys.${key}`) : key);
  return (
    <div className="import-summary" data-testid="import-summary">
      <h3 className="subheading">{t("imports.summary")}</h3>
      <FigureList
        items={entries.map(([key, value]) => ({
          key,
          label: label(key),
          value: Array.isArray(value) ? value.length : typeof value === "object" && value !== null ? itemText(value) : String(value),
        }))}
      />
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
