// The county area's frame: the dashboard (看板), the shipment and load pages, the network pages and the poverty-alleviation counter
// pages (review, merchants, counters, sales report); ADMIN also gets the user and audit pages and the queue dashboard
// (served by the API at /admin/queues).
import { useUser } from "../../auth/session-context.ts";
import { AreaNav, type TNavEntry } from "../../components/area-layout.tsx";
import { useT } from "../../i18n/use-t.ts";

export function CountyNav() {
  const t = useT("common");
  const tl = useT("loads");
  const tn = useT("county");
  const td = useT("dashboard");
  const user = useUser();
  const items: TNavEntry[] = [
    ["", td("nav"), "overview"],
    ["shipments", t("nav.shipments")],
    ["overdue", t("nav.overdue")],
    ["exceptions", td("exceptions.nav")],
    ["loads", tl("nav")],
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
    // A manager manages their county's station staff (create, deactivate, reset a password).
    ["users", t("nav.users")],
  ];
  if (user.role === "ADMIN") items.push(["audit", t("nav.audit")], ["/admin/queues", tl("queuesNav"), "queues", { reloadDocument: true }]);
  return <AreaNav area="county" items={items} />;
}
