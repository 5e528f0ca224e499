// The merchant area's frame: its nav, and the merchant an account acts for (a page without one says so).
import type { ReactNode } from "react";
import { useUser } from "../../auth/session-context.ts";
import { AreaLayout, type TNavItem } from "../../components/area-layout.tsx";
import { useT } from "../../i18n/use-t.ts";

export function MerchantNav() {
  const t = useT("common");
  const tc = useT("counters");
  const nav: TNavItem[] = [
    { to: "/merchant", label: t("nav.overview"), end: true, testId: "nav-overview" },
    { to: "/merchant/products", label: tc("nav.products"), testId: "nav-products" },
    { to: "/merchant/listings", label: tc("nav.listings"), testId: "nav-listings" },
    { to: "/merchant/sales", label: tc("nav.sales"), testId: "nav-sales" },
    { to: "/merchant/restock", label: tc("nav.restock"), testId: "nav-restock" },
  ];
  return <AreaLayout area="merchant" nav={nav} />;
}

export function MerchantScope({ children }: { children: (merchantId: string) => ReactNode }) {
  const t = useT("merchant");
  const user = useUser();
  return <div className="page">{user.merchantId ? children(user.merchantId) : <p className="card muted">{t("merchant.noScope")}</p>}</div>;
}
