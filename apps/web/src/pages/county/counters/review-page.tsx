// 上架审核: the county's pending listings, oldest first, with the merchant's poverty-alleviation recognition and the
// product's certifications checked for validity; approve, or reject with a reason the merchant sees. Below, live
// listings flagged because a recognition or certification expired, which the manager can take down.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { DataState } from "../../../components/data-state.tsx";
import { z } from "zod";
import { ZRejectSchema } from "@xiangda/domain";
import { serverText } from "../../../lib/api-error.ts";
import { formatDateTime } from "../../../lib/time.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { ActionError, Money, ValidityMark } from "../../../components/counters/counter-bits.tsx";
import type { TReviewItem } from "../../../components/counters/counters-api.ts";
import { flagText } from "../../../components/counters/counters-format.ts";
import { CountyScope } from "../county-scope.tsx";
import { ErrorSummary, SubmitButton, TextField, ZodForm, useZodForm, type TFormMutation } from "../../../components/form/index.ts";
import { useT } from "../../../i18n/use-t.ts";
import { CATALOG_ENUMS } from "../../../components/counters/catalog-enums.ts";
import { enumKey } from "../../../components/counters/counter-keys.ts";

export function ReviewPage() {
  return <CountyScope>{(countyCode) => <Review countyCode={countyCode} />}</CountyScope>;
}

function Review({ countyCode }: { countyCode: string }) {
  const tp = useT("countyCounters");
  const trpc = useTRPC();
  const queue = useQuery(trpc.listings.reviewQueue.queryOptions({ countyCode }));
  return (
    <DataState query={queue}>
      {(q) => (
        <>
          <section className="card">
            <h2 className="card-title">
              {tp("review.title")}{" "}
              <span className="count-badge" data-testid="review-count">
                {q.pending.length}
              </span>
            </h2>
            <p className="muted small">{tp("review.lead")}</p>
            {q.pending.length === 0 ? (
              <p className="muted" data-testid="review-empty">
                {tp("review.empty")}
              </p>
            ) : null}
            <div className="review-list">
              {q.pending.map((item) => (
                <ReviewCard key={item.id} countyCode={countyCode} item={item} today={q.today} />
              ))}
            </div>
          </section>
          <section className="card">
            <h2 className="card-title">{tp("review.flaggedTitle")}</h2>
            <p className="muted small">{tp("review.flaggedLead")}</p>
            {q.flagged.length === 0 ? <p className="muted">{tp("review.flaggedEmpty")}</p> : null}
            <div className="review-list">
              {q.flagged.map((item) => (
                <ReviewCard key={item.id} countyCode={countyCode} item={item} today={q.today} flagged />
              ))}
            </div>
          </section>
        </>
      )}
    </DataState>
  );
}

function ReviewCard({
  countyCode,
  item: l,
  today,
  flagged = false,
}: {
  countyCode: string;
  item: TReviewItem;
  today: string;
  flagged?: boolean;
}) {
  const t = useT("common");
  const tp = useT("countyCounters");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const tc = useT("counters");
  const done = () => queryClient.invalidateQueries(trpc.listings.pathFilter());
  const approve = useMutation(trpc.listings.approve.mutationOptions({ onSuccess: done }));
  const reject = useMutation(trpc.listings.reject.mutationOptions({ onSuccess: done }));
  const delist = useMutation(trpc.listings.delist.mutationOptions({ onSuccess: done }));
  const busy = approve.isPending || reject.isPending || delist.isPending;
  const v = l.validity;

  return (
    <article
      className={`review-card${v.valid ? "" : " review-invalid"}`}
      data-testid="review-item"
      data-id={l.id}
      data-product={l.productName}
    >
      <div className="review-head">
        <strong className="review-product">
          {l.productName}
          {l.productSpec ? ` · ${l.productSpec}` : ""}
        </strong>
        <span className={`status-pill ${v.valid ? "status-active" : "status-closed"}`} data-testid="review-validity" data-valid={v.valid}>
          {v.valid ? tp("review.valid") : tp("review.invalid")}
        </span>
      </div>
      <p className="review-meta">
        {l.merchantName} → {l.counterName}（{CATALOG_ENUMS.venueType.label(l.venueType)}） · <Money fen={l.priceFen} /> ·{" "}
        {tp("review.stock", { stock: l.stock, min: l.minStock })}
        {l.submittedAt ? <span className="muted small"> · {tp("review.submittedAt", { time: formatDateTime(l.submittedAt) })}</span> : null}
      </p>
      {flagged && l.flagIssues.length > 0 ? (
        <div className="alert alert-error">{tc("listings.flagged", { reason: flagText(l) })}</div>
      ) : null}
      <dl className="review-checks">
        <div>
          <dt>{tp("review.recognition")}</dt>
          <dd>
            {v.recognition.number ? <span className="mono">{v.recognition.number}</span> : null}{" "}
            <ValidityMark validUntil={v.recognition.validUntil} today={today} testId="review-recognition" />
          </dd>
        </div>
        <div>
          <dt>{tp("review.certifications")}</dt>
          <dd>
            {v.certifications.length === 0 ? <span className="muted">{tc("products.noCerts")}</span> : null}
            <ul className="review-certs">
              {v.certifications.map((c) => (
                <li key={c.kind}>
                  {tc(enumKey("certKinds", c.kind))} <span className="mono small">{c.number}</span>{" "}
                  <ValidityMark validUntil={c.validUntil} today={today} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      {v.issues.length ? (
        <ul className="error-list review-issues" data-testid="review-issues">
          {v.issues.map((i) => (
            <li key={i.path}>{serverText(i, i.path)}</li>
          ))}
        </ul>
      ) : null}
      <ActionError error={approve.error ?? delist.error} testId="review-error" />
      {rejecting ? (
        <RejectForm
          listingId={l.id}
          reject={{
            mutate: ({ reason }, options) => reject.mutate({ countyCode, listingId: l.id, reason }, options),
            error: reject.error,
            isPending: reject.isPending,
          }}
          busy={busy}
          onCancel={() => setRejecting(false)}
        />
      ) : (
        <div className="form-actions">
          {flagged ? (
            <button
              type="button"
              className="btn btn-danger-ghost"
              disabled={busy}
              onClick={() => delist.mutate({ merchantId: l.merchantId, listingId: l.id, reason: flagText(l).slice(0, 200) || undefined })}
              data-testid="review-delist"
            >
              {tp("review.delist")}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => approve.mutate({ countyCode, listingId: l.id })}
                data-testid="review-approve"
              >
                {approve.isPending ? t("common.saving") : tp("review.approve")}
              </button>
              <button type="button" className="btn" disabled={busy} onClick={() => setRejecting(true)} data-testid="review-reject">
                {tp("review.reject")}
              </button>
            </>
          )}
        </div>
      )}
    </article>
  );
}

/** The reason a rejection gives the merchant: the shared ZRejectSchema's (required, trimmed, at most 500 characters). */
const ZRejectDraftSchema = z.object({
  reason: z
    .string()
    .refine((v) => v.trim() !== "", "form.required")
    .pipe(ZRejectSchema.shape.reason),
});
const REJECT_FIELDS = ["reason"] as const;

function RejectForm({
  listingId,
  reject,
  busy,
  onCancel,
}: {
  listingId: string;
  reject: TFormMutation<{ reason: string }>;
  busy: boolean;
  onCancel: () => void;
}) {
  const t = useT("common");
  const tp = useT("countyCounters");
  const kit = useZodForm({ schema: ZRejectDraftSchema, defaultValues: { reason: "" }, fields: REJECT_FIELDS, mutation: reject });
  return (
    <ZodForm kit={kit} prefix="review-reject" className="form review-reject">
      <TextField name="reason" id={`review-reason-${listingId}`} testId="review-reason" label={tp("review.reason")} multiline rows={2} />
      <ErrorSummary error={reject.error} fields={REJECT_FIELDS} testId="review-reject-error" />
      <div className="form-actions">
        <SubmitButton className="btn btn-danger-ghost" label={tp("review.rejectConfirm")} testId="review-reject-confirm" disabled={busy} />
        <button type="button" className="btn" disabled={busy} onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </ZodForm>
  );
}
