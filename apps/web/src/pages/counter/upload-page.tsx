// 销售导入: a CSV/XLSX sales sheet for the counter. A dry run first lists every bad row and column; the sheet is stored
// all or nothing, and rows stored before (same ref) are skipped, so uploading a running sheet again is safe.
import { formatFen } from "../../lib/numbers.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FigureList } from "../../components/figure-list.tsx";
import { FileError, FileLine, RowErrorsTable, useSheetFile } from "../../components/file-import.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { ActionError } from "../../components/counters/counter-bits.tsx";
import type { TCounter, TUploadResult } from "../../components/counters/counters-api.ts";
import { isSalesSheet, MAX_SALES_FILE_BYTES } from "../../components/counters/counters-format.ts";
import { CounterScope } from "./counter-scope.tsx";
import { useT } from "../../i18n/use-t.ts";

const TEMPLATE = "商品,数量,单价,时间,单号\n";
const templateHref = () => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}`)}`;

export function UploadPage() {
  return <CounterScope>{(counter) => <Upload counter={counter} />}</CounterScope>;
}

function Upload({ counter }: { counter: TCounter }) {
  const tp = useT("counter");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sheet = useSheetFile({
    maxBytes: MAX_SALES_FILE_BYTES,
    tooLarge: (mb) => tp("upload.tooBig", { mb }),
    readFailed: (message) => tp("upload.readFailed", { message }),
    check: (picked) => (isSalesSheet(picked.name) ? null : tp("upload.badType")),
  });
  const { file, error: fileError } = sheet;
  const [payload, setPayload] = useState<{ fileName: string; contentBase64: string } | null>(null);
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
    sheet.pick(picked);
    setPayload(null);
    check.reset();
    commit.reset();
  }

  async function onCheck() {
    if (!file) return;
    commit.reset();
    const body = await sheet.read();
    if (!body) return;
    setPayload(body);
    check.mutate({ counterId: counter.id, ...body, dryRun: true });
  }

  function again() {
    onPick(null);
    sheet.clear();
  }

  const checked = payload ? check.data : undefined;
  const canCommit = !!checked && checked.errors.length === 0 && checked.toCreate > 0 && !commit.isSuccess;
  return (
    <section className="card">
      <h2 className="card-title">{tp("upload.title")}</h2>
      <div className="headers-box">
        <span className="muted small">{tp("upload.columns")}</span>
        <code className="mono headers-line">{TEMPLATE.trim()}</code>
        <p className="muted small">{tp("upload.hint")}</p>
        <a className="small" href={templateHref()} download="sales-template.csv" data-testid="upload-template">
          {tp("upload.template")}
        </a>
      </div>
      <FileLine sheet={{ ...sheet, pick: onPick }} pickLabel={tp("upload.pick")} noFileLabel={tp("upload.noFile")} testId="upload-file">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!file || fileError !== null || check.isPending || commit.isPending}
          onClick={() => void onCheck()}
          data-testid="upload-check"
        >
          {check.isPending ? tp("upload.checking") : tp("upload.check")}
        </button>
      </FileLine>
      <FileError error={fileError} testId="upload-file-error" />
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
            {commit.isPending ? tp("upload.committing") : tp("upload.commit", { count: checked.toCreate })}
          </button>
        </div>
      ) : null}
      {commit.data ? (
        <>
          <UploadResult result={commit.data} dryRun={false} />
          <button type="button" className="btn" onClick={again} data-testid="upload-again">
            {tp("upload.again")}
          </button>
        </>
      ) : null}
    </section>
  );
}

function UploadResult({ result: r, dryRun }: { result: TUploadResult; dryRun: boolean }) {
  const tp = useT("counter");
  return (
    <div className="import-result" data-testid={dryRun ? "upload-preview" : "upload-stored"}>
      <p className="muted small">
        {dryRun ? tp("upload.dryRunNote") : r.stored ? tp("upload.stored", { count: r.stored.created }) : tp("upload.nothingStored")}
      </p>
      <FigureList
        items={[
          { label: tp("upload.rows"), value: r.rows },
          { label: tp("upload.toCreate"), value: r.stored ? r.stored.created : r.toCreate, testId: "upload-to-create" },
          { label: tp("upload.already"), value: r.alreadyRecorded },
          { label: tp("upload.quantity"), value: r.totalQuantity },
          { label: tp("upload.amount"), value: formatFen(r.totalAmountFen) },
          { label: tp("upload.errors"), value: r.errors.length, testId: "upload-error-count", bad: r.errors.length > 0 },
        ]}
      />
      {r.errors.length ? (
        <>
          <div className="alert alert-error" role="alert">
            {tp("upload.fixErrors")}
          </div>
          <RowErrorsTable
            errors={r.errors}
            labels={{ row: tp("upload.row"), column: tp("upload.column"), reason: tp("upload.reason") }}
            testId="upload-errors"
            rowTestId="upload-error-row"
          />
        </>
      ) : null}
    </div>
  );
}
