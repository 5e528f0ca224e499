// The columns a counter's listing shows wherever it is listed (the merchant's listings, the counter's shelf).
import type { TDataColumn } from "../data-table.tsx";
import { Money, StockCell } from "./counter-bits.tsx";
import type { TListing } from "./counters-api.ts";
import { useT } from "../../i18n/use-t.ts";

type TListed = Pick<
  TListing,
  | "productName"
  | "productSpec"
  | "productUnit"
  | "priceFen"
  | "stock"
  | "minStock"
  | "belowMin"
  | "restockSuggested"
  | "suggestedRestockQty"
>;

/** Product, price, stock (its cell's test id given) and the restock suggestion. */
export function useListingColumns<T extends TListed>(stockTestId: string) {
  const tc = useT("counters");
  return {
    product: {
      key: "product",
      header: tc("listings.product"),
      cell: (l) => (
        <>
          <strong>{l.productName}</strong>
          {l.productSpec ? <div className="muted small">{l.productSpec}</div> : null}
        </>
      ),
    },
    price: { key: "price", header: tc("listings.price"), num: true, cell: (l) => <Money fen={l.priceFen} /> },
    stock: {
      key: "stock",
      header: tc("listings.stock"),
      cell: (l) => <StockCell stock={l.stock} minStock={l.minStock} belowMin={l.belowMin} testId={stockTestId} />,
    },
    suggestion: {
      key: "suggestion",
      header: tc("listings.suggestion"),
      cell: (l) =>
        l.restockSuggested ? (
          <strong className="warn-text">{tc("listings.suggest", { qty: l.suggestedRestockQty, unit: l.productUnit })}</strong>
        ) : (
          <span className="muted">—</span>
        ),
    },
  } satisfies Record<string, TDataColumn<T>>;
}
