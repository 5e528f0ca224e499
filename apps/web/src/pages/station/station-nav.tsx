// The station area's frame: its menu holds only the pages the staff member's node can use (lib/roles.ts
// stationPageAllowed: no 到件清单 at a village point, no 收寄 at the hub); ADMIN and managers are never here.
import { useT } from "../../i18n/use-t.ts";
import { useUser } from "../../auth/session-context.ts";
import { AreaLayout, type TNavItem } from "../../components/area-layout.tsx";
import { ENUMS } from "../../components/form/enums.ts";
import type { TNodeTier } from "@xiangda/domain";
import { stationPageAllowed } from "../../lib/roles.ts";

export function StationNav({ nav }: { nav: readonly TNavItem[] }) {
  const user = useUser();
  return <AreaLayout area="station" nav={nav.filter((item) => stationPageAllowed(item.to, user.nodeTier, user.nodeSelfPickup))} />;
}

/** A station page opened by its address at a node that does not do it: said plainly, no request that would fail. */
export function NotAtThisNode({ tier, noShelf = false }: { tier: TNodeTier | null; noShelf?: boolean }) {
  const t = useT("station");
  return (
    <div className="page">
      <p className="card muted" data-testid="not-at-this-node">
        {noShelf ? t("station.noPickupShelf") : t("station.notAtThisNode", { tier: tier ? ENUMS.tier.label(tier) : "—" })}
      </p>
    </div>
  );
}
