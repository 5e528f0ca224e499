// The county area's frame: the dashboard (看板), the shipment and load pages, the network pages and the poverty-alleviation counter
// pages (review, merchants, counters, sales report); ADMIN also gets the user and audit pages and the queue dashboard
// (served by the API at /admin/queues).
import { useUser } from "../../auth/session-context.ts";
import { AreaNav, type TNavEntry } from "../../components/area-layout.tsx";
import { useT } from "../../i18n/use-t.ts";

export function CountyNav() {
  const tn = useT("county");
  const t = useT("common");
  const user = useUser();
  const items: TNavEntry[] = [
    ["", tn("nav.dashboard"), "overview"],
    ["shipments", t("nav.shipments")],
    ["overdue", t("nav.overdue")],
    ["exceptions", tn("nav.exceptions")],
    ["loads", tn("nav.loads")],
    ["manifests", t("nav.manifests")],
    ["network", t("nav.network")],
    ["nodes", t("nav.nodes")],
    ["lanes", t("nav.lanes")],
    ["fleet", t("nav.fleet")],
    ["import", t("nav.import")],
    ["review", tn("nav.review")],
    ["merchants", tn("nav.merchants")],
    ["counters", tn("nav.counters")],
    ["sales-report", tn("nav.report")],
    ["api-clients", tn("apiClientsNav")],
    // A manager manages their county's station staff (create, deactivate, reset a password).
    ["users", t("nav.users")],
  ];
  if (user.role === "ADMIN") items.push(["audit", t("nav.audit")], ["/admin/queues", tn("nav.queues"), "queues", { reloadDocument: true }]);
  return <AreaNav area="county" items={items} />;
}
