// Merchant portal home: the merchant this account acts for.
import { skipToken, useQuery } from "@tanstack/react-query";
import { useUser } from "../../auth/session-context.ts";
import { DataState } from "../../components/data-state.tsx";
import { DetailList } from "../../components/detail-list.tsx";
import { useT } from "../../i18n/use-t.ts";
import { useTRPC } from "../../lib/trpc.ts";

export function MerchantHome() {
  const t = useT("merchant");
  const trpc = useTRPC();
  const user = useUser();
  const merchantId = user.merchantId;
  const overview = useQuery(trpc.merchant.overview.queryOptions(merchantId ? { merchantId } : skipToken));

  return (
    <div className="page">
      <p className="page-lead">{t("merchant.welcome", { name: user.displayName })}</p>
      <section className="card">
        <h2 className="card-title">{t("merchant.overviewTitle")}</h2>
        {merchantId ? (
          <DataState query={overview}>
            {({ merchant }) => (
              <DetailList
                items={[
                  { label: t("merchant.name"), value: <strong data-testid="merchant-name">{merchant.name}</strong> },
                  { label: t("merchant.countyCode"), value: merchant.countyCode },
                  { label: t("merchant.id"), value: <code className="mono">{merchant.id}</code> },
                ]}
              />
            )}
          </DataState>
        ) : (
          <p className="muted">{t("merchant.noScope")}</p>
        )}
      </section>
    </div>
  );
}
