// 补货: the merchant's restock orders (its own and those counters sent), their parcels with traffic lights; the
// merchant confirms a draft (its parcels are created and routed) or declines it.
import { RestockOrders } from "../../components/counters/restock-orders.tsx";
import { MerchantScope } from "./merchant-scope.tsx";
import { useT } from "../../i18n/use-t.ts";

export function MerchantRestockPage() {
  const tp = useT("merchant");
  const tc = useT("counters");
  return (
    <MerchantScope>
      {(merchantId) => (
        <section className="card">
          <h2 className="card-title">{tc("restock.title")}</h2>
          <p className="muted small">{tp("restock.merchantLead")}</p>
          <RestockOrders scope={{ merchantId }} side="MERCHANT" />
        </section>
      )}
    </MerchantScope>
  );
}
