// 到件清单导入: a carrier's arrival manifest (CSV/XLSX) — dry-run preview with per-row errors and unresolved addresses,
// then the import (rows with errors or unknown addresses are left out; re-imports skip what exists).
// The county's page imports at the hub, in a worker with progress; a station's page imports for its own node (its
// parcels are expected until scanned in), see station-manifests-page.tsx.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { FigureList } from "../../../components/figure-list.tsx";
import { DataState } from "../../../components/data-state.tsx";
import { DataTable } from "../../../components/data-table.tsx";
import {
  FileError,
  FileLine,
  ImportProgress,
  RowErrorsTable,
  SheetTemplate,
  useImportRun,
  useSheetFile,
  type TImportRunStatus,
} from "../../../components/file-import.tsx";
import { FormField } from "../../../components/form-field.tsx";
import { fieldError, readApiError, serverText } from "../../../lib/api-error.ts";
import type { TManifestResult, TUnresolved } from "../../../lib/shipments-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { CountyScope } from "../county-scope.tsx";
import { ErrorSummary } from "../../../components/form/error-summary.tsx";
import { MANIFEST_COLUMNS, MANIFEST_TEMPLATE_HEADER } from "./shipment-format.ts";
import { useT } from "../../../i18n/use-t.ts";

/** The server returns at most this many errors and unresolved rows. */
const SERVER_LIST_CAP = 1000;

export function ManifestPage() {
  return <CountyScope>{(countyCode) => <ManifestImporter scope={{ countyCode }} />}</CountyScope>;
}

/** Where the manifest is imported: the county (at its hub) or one node (a station, or the hub, by its own staff). */
export type TManifestScope = { countyCode: string } | { nodeId: string };
type TPayload = { carrierCode: string; fileName: string; contentBase64: string };
type TProgress = { status: TImportRunStatus; done: number; total: number };

/** Preview and import for either scope: the county's import runs in a worker (polled for progress), a node's at once. */
function useManifestImport(scope: TManifestScope) {
  const trpc = useTRPC();
  const countyPreview = useMutation(trpc.shipments.importManifest.mutationOptions());
  const nodeImport = useMutation(trpc.shipments.importNodeManifest.mutationOptions());
  const nodeCommit = useMutation(trpc.shipments.importNodeManifest.mutationOptions());
  const countyCommit = useMutation(trpc.shipments.startManifestImport.mutationOptions());
  const countyCode = "countyCode" in scope ? scope.countyCode : null;
  const importId = countyCommit.data?.importId ?? null;
  const run = useImportRun(countyCode, importId);
  const preview = "countyCode" in scope ? countyPreview : nodeImport;
  const commit = "countyCode" in scope ? countyCommit : nodeCommit;
  if (!("countyCode" in scope)) {
    return {
      preview,
      commit,
      startPreview: (body: TPayload) => nodeImport.mutate({ nodeId: scope.nodeId, ...body, dryRun: true }),
      startCommit: (body: TPayload) => nodeCommit.mutate({ nodeId: scope.nodeId, ...body, dryRun: false }),
      committed: nodeCommit.data ?? null,
      runFailed: null,
      running: false,
      progress: null as TProgress | null,
    };
  }
  const runStatus = run.data?.status;
  return {
    preview,
    commit,
    startPreview: (body: TPayload) => countyPreview.mutate({ countyCode: scope.countyCode, ...body, dryRun: true }),
    startCommit: (body: TPayload) => countyCommit.mutate({ countyCode: scope.countyCode, ...body }),
    committed: runStatus === "DONE" && run.data?.summary ? (run.data.summary as unknown as TManifestResult) : null,
    runFailed: runStatus === "FAILED" ? (run.data?.error ?? "FAILED") : null,
    running: importId !== null && runStatus !== "DONE" && runStatus !== "FAILED",
    progress: { status: runStatus ?? "PENDING", done: run.data?.done ?? 0, total: run.data?.total ?? 0 } as TProgress | null,
  };
}

export function ManifestImporter({ scope }: { scope: TManifestScope }) {
  const t = useT("shipments");
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [carrierCode, setCarrierCode] = useState("");
  const sheet = useSheetFile({
    tooLarge: (mb) => t("manifest.tooLarge", { mb }),
    readFailed: (message) => t("manifest.readFailed", { message }),
  });
  const { file, error: fileError } = sheet;
  const [payload, setPayload] = useState<TPayload | null>(null);
  const run = useManifestImport(scope);
  const { preview, commit, committed } = run;
  useEffect(() => {
    if (committed) void queryClient.invalidateQueries(trpc.shipments.pathFilter());
  }, [committed, queryClient, trpc]);

  function resetResults() {
    setPayload(null);
    preview.reset();
    commit.reset();
  }

  function reset() {
    sheet.clear();
    resetResults();
  }

  function onPick(picked: File | null) {
    sheet.pick(picked);
    resetResults();
  }

  async function onPreview() {
    if (!file || !carrierCode) return;
    commit.reset();
    const read = await sheet.read();
    if (!read) return;
    const body = { carrierCode, ...read };
    setPayload(body);
    run.startPreview(body);
  }

  const previewed = preview.data && payload ? preview.data : null;
  const carrierError = preview.error ? fieldError(readApiError(preview.error).fieldErrors, "carrierCode") : undefined;
  const busy = preview.isPending || commit.isPending || run.running;

  return (
    <>
      <section className="card">
        <h2 className="card-title">{t("manifest.title")}</h2>
        <p className="muted small page-note">{"countyCode" in scope ? t("manifest.lead") : t("manifest.leadNode")}</p>
        <div className="import-step">
          <CarrierPick
            value={carrierCode}
            error={carrierError}
            disabled={busy || committed !== null}
            onChange={(code) => {
              setCarrierCode(code);
              resetResults();
            }}
          />
          <SheetTemplate
            label={t("manifest.columns")}
            columns={MANIFEST_COLUMNS}
            columnsTestId="manifest-columns"
            hint={t("manifest.hint")}
            header={MANIFEST_TEMPLATE_HEADER}
            fileName="manifest-template.csv"
            linkLabel={t("manifest.template")}
            linkTestId="manifest-template"
          />
          <FileLine
            sheet={{ ...sheet, pick: onPick }}
            pickLabel={t("manifest.pickFile")}
            noFileLabel={t("manifest.noFile")}
            disabled={busy || committed !== null}
            testId="manifest-file"
            nameTestId="manifest-file-name"
          >
            <button
              type="button"
              className="btn btn-primary"
              disabled={!file || !carrierCode || fileError !== null || busy || committed !== null}
              onClick={() => void onPreview()}
              data-testid="manifest-dry-run"
            >
              {preview.isPending ? t("manifest.previewing") : t("manifest.preview")}
            </button>
          </FileLine>
          {file && !carrierCode ? <p className="muted small">{t("manifest.pickCarrier")}</p> : null}
          <FileError error={fileError} />
          <ErrorSummary error={preview.error} fields={["carrierCode"]} testId="manifest-preview-error" />
          {previewed && committed === null ? (
            <ManifestPreview
              previewed={previewed}
              commitError={commit.error}
              progress={run.running ? run.progress : null}
              runFailed={run.runFailed}
              busy={busy}
              importing={commit.isPending || run.running}
              onImport={() => payload && run.startCommit(payload)}
            />
          ) : null}
        </div>
      </section>

      {committed ? (
        <section className="card" aria-live="polite" data-testid="manifest-result">
          <h2 className="card-title">{t("manifest.resultTitle")}</h2>
          <div className="import-result">
            <ManifestFigures result={committed} kind="result" />
            {committed.routeFailures > 0 ? (
              <div className="alert alert-error" role="alert">
                {t("manifest.routeFailuresNote", { count: committed.routeFailures })}
              </div>
            ) : null}
            <ManifestIssues result={committed} />
            <div className="form-actions">
              {"countyCode" in scope ? (
                <Link
                  className="btn btn-primary"
                  to={`/county/shipments?carrier=${encodeURIComponent(payload?.carrierCode ?? "")}`}
                  data-testid="manifest-view-list"
                >
                  {t("manifest.viewList")}
                </Link>
              ) : null}
              <button type="button" className="btn" onClick={reset} data-testid="manifest-again">
                {t("manifest.again")}
              </button>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** The carrier whose manifest it is (blacklisted ones shown, not picked). */
function CarrierPick(props: { value: string; error: string | undefined; disabled: boolean; onChange: (code: string) => void }) {
  const t = useT("shipments");
  const tc = useT("common");
  const trpc = useTRPC();
  const carriers = useQuery(trpc.network.carriers.list.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  return (
    <DataState query={carriers}>
      {(list) => (
        <FormField id="manifest-carrier" label={t("manifest.carrier")} error={props.error}>
          <select
            id="manifest-carrier"
            className="select-auto"
            value={props.value}
            disabled={props.disabled}
            onChange={(e) => props.onChange(e.target.value)}
            data-testid="manifest-carrier"
          >
            <option value="">{tc("form.choose")}</option>
            {list.map((c) => (
              <option key={c.code} value={c.code} disabled={c.blacklisted}>
                {c.name}（{c.code}）{c.blacklisted ? ` · ${t("manifest.blacklisted")}` : ""}
              </option>
            ))}
          </select>
        </FormField>
      )}
    </DataState>
  );
}

/** The dry run: its figures and issues, the import's progress or failure, and the import button. */
function ManifestPreview(props: {
  previewed: TManifestResult;
  commitError: unknown;
  progress: TProgress | null;
  runFailed: string | null;
  busy: boolean;
  importing: boolean;
  onImport: () => void;
}) {
  const t = useT("shipments");
  const { previewed, progress } = props;
  return (
    <div className="import-result" data-testid="manifest-preview">
      <p className="muted small">{t("manifest.dryRunNote")}</p>
      <ManifestFigures result={previewed} kind="preview" />
      <ManifestIssues result={previewed} />
      {previewed.errors.length > 0 || previewed.unresolved.length > 0 ? <p className="muted small">{t("manifest.skipNote")}</p> : null}
      <ErrorSummary error={props.commitError} fields={[]} testId="manifest-import-error" />
      {progress ? <ImportProgress status={progress.status} done={progress.done} total={progress.total} testId="manifest-progress" /> : null}
      {props.runFailed ? (
        <div className="alert alert-error" role="alert" data-testid="manifest-import-error">
          {props.runFailed}
        </div>
      ) : null}
      {previewed.created > 0 ? (
        <button type="button" className="btn btn-primary" disabled={props.busy} onClick={props.onImport} data-testid="manifest-import">
          {props.importing ? t("manifest.importing") : t("manifest.import", { count: previewed.created })}
        </button>
      ) : (
        <p className="muted" data-testid="manifest-nothing">
          {t("manifest.nothingToImport")}
        </p>
      )}
    </div>
  );
}

function ManifestFigures({ result, kind }: { result: TManifestResult; kind: "preview" | "result" }) {
  const t = useT("shipments");
  // Counts of problems (errors, unresolved addresses, route failures) show as problems above zero.
  const figure = (key: string, label: string, value: number, problem = false) => ({
    key,
    label,
    value,
    bad: problem && value > 0,
    testId: `manifest-${kind}-${key}`,
  });
  const figures = [
    figure("rows", t("manifest.rows"), result.rows),
    figure("created", kind === "preview" ? t("manifest.toCreate") : t("manifest.created"), result.created),
    figure("skippedExisting", t("manifest.existing"), result.skippedExisting),
    figure("errors", t("manifest.errorCount"), result.errors.length, true),
    figure("unresolved", t("manifest.unresolvedCount"), result.unresolved.length, true),
    ...(kind === "result" ? [figure("routeFailures", t("manifest.routeFailures"), result.routeFailures, true)] : []),
  ];
  return <FigureList items={figures} testId={`manifest-${kind}-figures`} />;
}

function ManifestIssues({ result }: { result: TManifestResult }) {
  const t = useT("shipments");
  return (
    <>
      {result.errors.length > 0 ? (
        <div>
          <h3 className="subheading">{t("manifest.errorsTitle")}</h3>
          <RowErrorsTable
            errors={result.errors}
            labels={{ row: t("manifest.row"), column: t("manifest.column"), reason: t("manifest.reason") }}
            testId="manifest-errors"
            rowTestId="manifest-error-row"
          />
          {result.errors.length >= SERVER_LIST_CAP ? (
            <p className="muted small">{t("manifest.shownFirst", { count: SERVER_LIST_CAP })}</p>
          ) : null}
        </div>
      ) : null}
      {result.unresolved.length > 0 ? (
        <div>
          <h3 className="subheading">{t("manifest.unresolvedTitle")}</h3>
          <UnresolvedTable rows={result.unresolved} />
          {result.unresolved.length >= SERVER_LIST_CAP ? (
            <p className="muted small">{t("manifest.shownFirst", { count: SERVER_LIST_CAP })}</p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function UnresolvedTable({ rows }: { rows: readonly TUnresolved[] }) {
  const t = useT("shipments");
  const tc = useT("common");
  return (
    <DataTable
      rows={rows.map((u, index) => ({ u, index }))}
      rowKey={({ u, index }) => `${u.row}-${index}`}
      rowProps={({ u }) => ({ "data-testid": "manifest-unresolved-row", "data-row": u.row })}
      columns={[
        { key: "row", header: t("manifest.row"), className: "mono", cell: ({ u }) => u.row },
        { key: "waybillNo", header: t("manifest.waybillNo"), className: "mono", cell: ({ u }) => u.waybillNo },
        { key: "address", header: t("manifest.address"), className: "wrap", cell: ({ u }) => u.address || tc("common.none") },
        {
          key: "reason",
          header: t("manifest.reason"),
          className: "wrap",
          cell: ({ u }) => serverText({ message: u.reason, key: u.reasonKey, params: u.reasonParams }, "address"),
        },
      ]}
      testId="manifest-unresolved"
      className="table-compact"
      wrapClassName="errors-wrap"
    />
  );
}
