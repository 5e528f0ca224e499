// The merchant area's frame: its nav, and the merchant an account acts for (a page without one says so).
import type { ReactNode } from "react";
import { useUser } from "../../auth/session-context.ts";
import { AreaNav } from "../../components/area-layout.tsx";
import { useT } from "../../i18n/use-t.ts";

export function MerchantNav() {
  const t = useT("common");
  const tp = useT("merchant");
  const tc = useT("counters");
  return (
    <AreaNav
      area="merchant"
      items={[
        ["", t("nav.overview"), "overview"],
        ["products", tp("nav.products")],
        ["listings", tp("nav.listings")],
        ["sales", tp("nav.sales")],
        ["restock", tc("nav.restock")],
      ]}
    />
  );
}

export function MerchantScope({ children }: { children: (merchantId: string) => ReactNode }) {
  const t = useT("merchant");
  const user = useUser();
  return <div className="page">{user.merchantId ? children(user.merchantId) : <p className="card muted">{t("merchant.noScope")}</p>}</div>;
}
