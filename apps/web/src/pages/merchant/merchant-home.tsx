// Merchant portal home: the merchant this account acts for.
import { skipToken, useQuery } from "@tanstack/react-query";
import { useUser } from "../../auth/session-context.ts";
import { AreaHome } from "../../components/area-home.tsx";
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
    <AreaHome
      lead={t("merchant.welcome", { name: user.displayName })}
      title={t("merchant.overviewTitle")}
      query={merchantId ? overview : null}
      noScope={t("merchant.noScope")}
    >
      {({ merchant }) => (
        <DetailList
          items={[
            { label: t("merchant.name"), value: <strong data-testid="merchant-name">{merchant.name}</strong> },
            { label: t("merchant.countyCode"), value: merchant.countyCode },
            { label: t("merchant.id"), value: <code className="mono">{merchant.id}</code> },
          ]}
        />
      )}
    </AreaHome>
  );
}
