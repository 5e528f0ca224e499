// 上架: the merchant's listings by counter with status, price, stock, minimum and the restock suggestion; new listings
// start as drafts and are submitted for the county's review; a side panel edits price, minimum and stock, or delists.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LISTING_STATUSES } from "@xiangda/domain";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { SidePanel } from "../../components/side-panel.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { ActionError, ListingStatusPill } from "../counters/counter-bits.tsx";
import type { TListing, TListingStatus } from "../counters/counters-api.ts";
import { useListingColumns } from "../counters/listing-columns.tsx";
import { enumKey, useCountersT } from "../counters/use-counters-t.ts";
import { ListingForm, useMerchantCounters } from "./listing-form.tsx";
import { ListingPanelBody } from "./listing-panel.tsx";
import { MerchantScope } from "./merchant-scope.tsx";

export function ListingsPage() {
  return <MerchantScope>{(merchantId) => <ListingsView merchantId={merchantId} />}</MerchantScope>;
}

type TPanel = null | { kind: "new" } | { kind: "edit"; listing: TListing };

function ListingsView({ merchantId }: { merchantId: string }) {
  const { t } = useTranslation();
  const tc = useCountersT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [counterId, setCounterId] = useState("");
  const [status, setStatus] = useState<TListingStatus | "">("");
  const [panel, setPanel] = useState<TPanel>(null);
  const all = useQuery(trpc.listings.list.queryOptions({ merchantId }));
  const list = useQuery(
    trpc.listings.list.queryOptions(
      { merchantId, counterId: counterId || undefined, status: status || undefined },
      { placeholderData: keepPreviousData },
    ),
  );
  const { counters } = useMerchantCounters(all.data);
  const submit = useMutation(
    trpc.listings.submit.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.listings.pathFilter()) }),
  );
  const listed = useListingColumns<TListing>("listing-stock-value");
  const columns: TDataColumn<TListing>[] = [
    listed.product,
    {
      key: "counter",
      header: tc("listings.counter"),
      cell: (l) => (
        <>
          {l.counterName}
          <div className="muted small">{tc(enumKey("venueTypes", l.venueType))}</div>
        </>
      ),
    },
    {
      key: "status",
      header: tc("listings.status"),
      cell: (l) => (
        <>
          <ListingStatusPill status={l.status} />
          {l.status === "REJECTED" && l.rejectReason ? <div className="danger-text small wrap">{l.rejectReason}</div> : null}
          {l.flagged ? <div className="warn-text small">{tc("listings.flaggedShort")}</div> : null}
        </>
      ),
    },
    listed.price,
    listed.stock,
    listed.suggestion,
    {
      key: "actions",
      header: t("common.actions"),
      headerHidden: true,
      cell: (l) => (
        <div className="row-actions">
          {l.status === "DRAFT" || l.status === "REJECTED" ? (
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={submit.isPending}
              onClick={() => submit.mutate({ merchantId, listingId: l.id })}
              data-testid="listing-submit"
            >
              {tc("listings.submit")}
            </button>
          ) : null}
          <button type="button" className="btn btn-small" onClick={() => setPanel({ kind: "edit", listing: l })} data-testid="listing-edit">
            {t("common.edit")}
          </button>
        </div>
      ),
    },
  ];

  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2 className="card-title">{tc("listings.title")}</h2>
          <button type="button" className="btn btn-primary" onClick={() => setPanel({ kind: "new" })} data-testid="listing-new">
            {tc("listings.new")}
          </button>
        </div>
        <p className="muted small">{tc("listings.lead")}</p>
        <div className="filters">
          <select
            value={counterId}
            onChange={(e) => setCounterId(e.target.value)}
            aria-label={tc("listings.counter")}
            data-testid="listing-filter-counter"
          >
            <option value="">{tc("listings.allCounters")}</option>
            {counters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as TListingStatus | "")}
            aria-label={tc("listings.status")}
            data-testid="listing-filter-status"
          >
            <option value="">{tc("listings.allStatuses")}</option>
            {LISTING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tc(enumKey("listingStatus", s))}
              </option>
            ))}
          </select>
        </div>
        <ActionError error={submit.error} testId="listing-submit-error" />
        <DataState query={list} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <DataTable
              columns={columns}
              rows={rows}
              rowKey={(l) => l.id}
              rowProps={(l) => ({ "data-testid": "listing-row", "data-id": l.id, "data-product": l.productName, "data-status": l.status })}
              testId="listings-table"
            />
          )}
        </DataState>
      </section>
      {panel?.kind === "new" ? (
        <SidePanel title={tc("listings.new")} onClose={() => setPanel(null)} testId="listing-panel">
          <ListingForm
            merchantId={merchantId}
            counters={counters}
            onCreated={(l) => {
              void queryClient.invalidateQueries(trpc.listings.pathFilter());
              setPanel({ kind: "edit", listing: l });
            }}
          />
        </SidePanel>
      ) : panel?.kind === "edit" ? (
        <SidePanel
          title={tc("listings.editTitle", { name: panel.listing.productName })}
          onClose={() => setPanel(null)}
          testId="listing-panel"
        >
          <ListingPanelBody merchantId={merchantId} listing={panel.listing} onChanged={(l) => setPanel({ kind: "edit", listing: l })} />
        </SidePanel>
      ) : null}
    </>
  );
}
