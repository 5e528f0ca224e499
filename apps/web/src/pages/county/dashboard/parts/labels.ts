// Words for the codes the dashboard API sends as plain strings (statuses, tiers, lights, leg kinds, venue types),
// in the current language; an unknown code is shown as sent rather than hidden.
import { LIGHTS, NODE_STATUSES, NODE_TIERS, SHIPMENT_STATUSES, VENUE_TYPES, type TNodeTier } from "@xiangda/domain";
import { useMemo } from "react";
import { routeErrorText } from "../../../../lib/route-error.ts";
import { lightReasonKey } from "../../shipments/shipment-format.ts";
import { legKindLabel } from "../dashboard-format.ts";
import { useT } from "../../../../i18n/use-t.ts";

const find = <T extends string>(list: readonly T[], value: string | null | undefined): T | undefined => list.find((x) => x === value);

export interface TLabels {
  status: (status: string) => string;
  nodeStatus: (status: string) => string;
  tier: (tier: string | null | undefined) => string;
  light: (light: string) => string;
  reason: (reason: string | null | undefined) => string;
  legKind: (kind: string) => string;
  venue: (venue: string) => string;
}

export function useLabels(): TLabels {
  const te = useT("enums");
  const td = useT("dashboard");
  return useMemo<TLabels>(() => {
    const shortTier = (tier: TNodeTier) => td(`tiersShort.${tier}`);
    return {
      status: (s) => {
        const k = find(SHIPMENT_STATUSES, s);
        return k ? te(`shipmentStatus.${k}`) : s;
      },
      nodeStatus: (s) => {
        const k = find(NODE_STATUSES, s);
        return k ? te(`nodeStatus.${k}`) : s;
      },
      tier: (tier) => {
        const k = find(NODE_TIERS, tier);
        return k ? te(`tiers.${k}`) : (tier ?? "");
      },
      light: (l) => {
        const k = find(LIGHTS, l);
        return k ? te(`lights.${k}`) : l;
      },
      reason: (r) => {
        const k = lightReasonKey(r);
        return k ? te(`lightReasons.${k}`) : routeErrorText(r ?? "");
      },
      legKind: (kind) => legKindLabel(kind, shortTier, td("legKinds.joiner")),
      venue: (v) => {
        const k = find(VENUE_TYPES, v);
        return k ? td(`enums.venueTypes.${k}`) : v;
      },
    };
  }, [te, td]);
}
