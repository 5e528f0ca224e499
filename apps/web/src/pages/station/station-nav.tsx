// The station area's frame: its menu holds only the pages the staff member's node can use (lib/roles.ts
// stationPageAllowed: no 到件清单 at a village point, no 收寄 at the hub); ADMIN and managers are never here.
import { useTranslation } from "react-i18next";
import { useUser } from "../../auth/session-context.ts";
import { AreaLayout, type TNavItem } from "../../components/area-layout.tsx";
import { stationPageAllowed, type TNodeTier } from "../../lib/roles.ts";

export function StationNav({ nav }: { nav: readonly TNavItem[] }) {
  const user = useUser();
  return <AreaLayout area="station" nav={nav.filter((item) => stationPageAllowed(item.to, user.nodeTier, user.nodeSelfPickup))} />;
}

/** A station page opened by its address at a node that does not do it: said plainly, no request that would fail. */
export function NotAtThisNode({ tier, noShelf = false }: { tier: TNodeTier | null; noShelf?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="card muted" data-testid="not-at-this-node">
        {noShelf ? t("station.noPickupShelf") : t("station.notAtThisNode", { tier: tier ? t(`tiers.${tier}`) : "—" })}
      </p>
    </div>
  );
}
