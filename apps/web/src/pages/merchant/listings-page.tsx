// 上架: the merchant's listings by counter with status, price, stock, minimum and the restock suggestion; new listings
// start as drafts and are submitted for the county's review; a side panel edits price, minimum and stock, or delists.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { LISTING_STATUSES } from "@xiangda/domain";
import { type TDataColumn } from "../../components/data-table.tsx";
import { FilterSelect, ListCard } from "../../components/list-card.tsx";
import { SidePanel } from "../../components/side-panel.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { ActionError, ListingStatusPill } from "../../components/counters/counter-bits.tsx";
import type { TListing, TListingStatus } from "../../components/counters/counters-api.ts";
import { useListingColumns } from "../../components/counters/listing-columns.tsx";
import { NewButton } from "../../components/counters/catalog-list.tsx";
import { ListingForm } from "./listing-form.tsx";
import { ListingPanelBody } from "./listing-panel.tsx";
import { CounterFilter, useMerchantCounters } from "./merchant-counters.tsx";
import { MerchantScope } from "./merchant-scope.tsx";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "../../components/counters/counter-keys.ts";

export function ListingsPage() {
  return <MerchantScope>{(merchantId) => <ListingsView merchantId={merchantId} />}</MerchantScope>;
}

type TPanel = null | { kind: "new" } | { kind: "edit"; listing: TListing };

function ListingsView({ merchantId }: { merchantId: string }) {
  const t = useT("common");
  const tp = useT("merchant");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [counterId, setCounterId] = useState("");
  const tc = useT("counters");
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
      header: tp("listings.counter"),
      cell: (l) => (
        <>
          {l.counterName}
          <div className="muted small">{tc(enumKey("venueTypes", l.venueType))}</div>
        </>
      ),
    },
    {
      key: "status",
      header: tp("listings.status"),
      cell: (l) => (
        <>
          <ListingStatusPill status={l.status} />
          {l.status === "REJECTED" && l.rejectReason ? <div className="danger-text small wrap">{l.rejectReason}</div> : null}
          {l.flagged ? <div className="warn-text small">{tp("listings.flaggedShort")}</div> : null}
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
              {tp("listings.submit")}
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
      <ListCard
        title={tp("listings.title")}
        actions={<NewButton label={tp("listings.new")} onClick={() => setPanel({ kind: "new" })} testId="listing-new" />}
        intro={
          <>
            <p className="muted small">{tp("listings.lead")}</p>
            <ActionError error={submit.error} testId="listing-submit-error" />
          </>
        }
        filters={
          <>
            <CounterFilter
              counters={counters}
              value={counterId}
              onChange={setCounterId}
              ariaLabel={tp("listings.counter")}
              testId="listing-filter-counter"
            />
            <FilterSelect
              value={status}
              onChange={setStatus}
              options={LISTING_STATUSES}
              label={(s) => tc(enumKey("listingStatus", s))}
              allLabel={tp("listings.allStatuses")}
              ariaLabel={tp("listings.status")}
              testId="listing-filter-status"
            />
          </>
        }
        query={list}
        rows={(rows) => rows}
        count={null}
        table={{
          columns,
          rowKey: (l) => l.id,
          rowProps: (l) => ({ "data-testid": "listing-row", "data-id": l.id, "data-product": l.productName, "data-status": l.status }),
          testId: "listings-table",
        }}
      />
      {panel?.kind === "new" ? (
        <SidePanel title={tp("listings.new")} onClose={() => setPanel(null)} testId="listing-panel">
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
          title={tp("listings.editTitle", { name: panel.listing.productName })}
          onClose={() => setPanel(null)}
          testId="listing-panel"
        >
          <ListingPanelBody merchantId={merchantId} listing={panel.listing} onChanged={(l) => setPanel({ kind: "edit", listing: l })} />
        </SidePanel>
      ) : null}
    </>
  );
}
