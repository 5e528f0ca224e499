// 销售导入: a CSV/XLSX sales sheet for the counter. A dry run first lists every bad row and column; the sheet is stored
// all or nothing, and rows stored before (same ref) are skipped, so uploading a running sheet again is safe.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { serverText } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ActionError } from "../counters/counter-bits.tsx";
import { readFileAsBase64 } from "../network/network-format.ts";
import type { TCounter, TUploadResult } from "../counters/counters-api.ts";
import { formatFen, isSalesSheet, MAX_SALES_FILE_BYTES } from "../counters/counters-format.ts";
import { useCountersT } from "../counters/use-counters-t.ts";
import { CounterScope } from "./counter-scope.tsx";

const TEMPLATE = "商品,数量,单价,时间,单号\n";
const templateHref = () => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}`)}`;

export function UploadPage() {
  return <CounterScope>{(counter) => <Upload counter={counter} />}</CounterScope>;
}

function Upload({ counter }: { counter: TCounter }) {
  const tc = useCountersT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [payload, setPayload] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const check = useMutation(trpc.listings.sales.upload.mutationOptions());
  const commit = useMutation(
    trpc.listings.sales.upload.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.listings.forCounter.pathFilter());
        void queryClient.invalidateQueries(trpc.listings.sales.pathFilter());
      },
    }),
  );

  function onPick(picked: File | null) {
    setFile(picked);
    setPayload(null);
    check.reset();
    commit.reset();
    if (!picked) setFileError(null);
    else if (!isSalesSheet(picked.name)) setFileError(tc("upload.badType"));
    else if (picked.size > MAX_SALES_FILE_BYTES) setFileError(tc("upload.tooBig", { mb: MAX_SALES_FILE_BYTES / 1024 / 1024 }));
    else setFileError(null);
  }

  async function onCheck() {
    if (!file) return;
    commit.reset();
    try {
      const body = { fileName: file.name, contentBase64: await readFileAsBase64(file) };
      setPayload(body);
      check.mutate({ counterId: counter.id, ...body, dryRun: true });
    } catch (e) {
      setFileError(tc("upload.readFailed", { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  function again() {
    onPick(null);
    setInputKey((k) => k + 1);
  }

  const checked = payload ? check.data : undefined;
  const canCommit = !!checked && checked.errors.length === 0 && checked.toCreate > 0 && !commit.isSuccess;
  return (
    <section className="card">
      <h2 className="card-title">{tc("upload.title")}</h2>
      <div className="headers-box">
        <span className="muted small">{tc("upload.columns")}</span>
        <code className="mono headers-line">{TEMPLATE.trim()}</code>
        <p className="muted small">{tc("upload.hint")}</p>
        <a className="small" href={templateHref()} download="sales-template.csv" data-testid="upload-template">
          {tc("upload.template")}
        </a>
      </div>
      <div className="file-line">
        <label className="btn file-pick">
          <input
            key={inputKey}
            type="file"
            className="file-input"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => onPick(e.target.files?.[0] ?? null)}
            data-testid="upload-file"
          />
          {tc("upload.pick")}
        </label>
        <span className="file-name">{file ? file.name : tc("upload.noFile")}</span>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!file || fileError !== null || check.isPending || commit.isPending}
          onClick={() => void onCheck()}
          data-testid="upload-check"
        >
          {check.isPending ? tc("upload.checking") : tc("upload.check")}
        </button>
      </div>
      {fileError ? (
        <div className="alert alert-error" role="alert" data-testid="upload-file-error">
          {fileError}
        </div>
      ) : null}
      <ActionError error={check.error} testId="upload-check-error" />
      {checked ? <UploadResult result={checked} dryRun /> : null}
      <ActionError error={commit.error} testId="upload-commit-error" />
      {checked && !commit.isSuccess ? (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={!canCommit || commit.isPending}
            onClick={() => payload && commit.mutate({ counterId: counter.id, ...payload, dryRun: false })}
            data-testid="upload-commit"
          >
            {commit.isPending ? tc("upload.committing") : tc("upload.commit", { count: checked.toCreate })}
          </button>
        </div>
      ) : null}
      {commit.data ? (
        <>
          <UploadResult result={commit.data} dryRun={false} />
          <button type="button" className="btn" onClick={again} data-testid="upload-again">
            {tc("upload.again")}
          </button>
        </>
      ) : null}
    </section>
  );
}

function UploadResult({ result: r, dryRun }: { result: TUploadResult; dryRun: boolean }) {
  const tc = useCountersT();
  return (
    <div className="import-result" data-testid={dryRun ? "upload-preview" : "upload-stored"}>
      <p className="muted small">
        {dryRun ? tc("upload.dryRunNote") : r.stored ? tc("upload.stored", { count: r.stored.created }) : tc("upload.nothingStored")}
      </p>
      <dl className="figures">
        <div>
          <dt>{tc("upload.rows")}</dt>
          <dd>{r.rows}</dd>
        </div>
        <div>
          <dt>{tc("upload.toCreate")}</dt>
          <dd data-testid="upload-to-create">{r.stored ? r.stored.created : r.toCreate}</dd>
        </div>
        <div>
          <dt>{tc("upload.already")}</dt>
          <dd>{r.alreadyRecorded}</dd>
        </div>
        <div>
          <dt>{tc("upload.quantity")}</dt>
          <dd>{r.totalQuantity}</dd>
        </div>
        <div>
          <dt>{tc("upload.amount")}</dt>
          <dd>{formatFen(r.totalAmountFen)}</dd>
        </div>
        <div>
          <dt>{tc("upload.errors")}</dt>
          <dd className={r.errors.length ? "danger-text" : undefined} data-testid="upload-error-count">
            {r.errors.length}
          </dd>
        </div>
      </dl>
      {r.errors.length ? (
        <>
          <div className="alert alert-error" role="alert">
            {tc("upload.fixErrors")}
          </div>
          <div className="table-wrap errors-wrap">
            <table className="table table-compact" data-testid="upload-errors">
              <thead>
                <tr>
                  <th>{tc("upload.row")}</th>
                  <th>{tc("upload.column")}</th>
                  <th>{tc("upload.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {r.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column}-${i}`} data-testid="upload-error-row" data-row={e.row}>
                    <td className="mono">{e.row}</td>
                    <td className="mono">{e.column || "—"}</td>
                    <td className="wrap">{serverText(e, e.column)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
