// The county area's frame: the dashboard (看板), the shipment and load pages, the network pages and the poverty-alleviation counter
// pages (review, merchants, counters, sales report); ADMIN also gets the user and audit pages and the queue dashboard
// (served by the API at /admin/queues).
import { useUser } from "../../auth/session-context.ts";
import { AreaLayout, type TNavItem } from "../../components/area-layout.tsx";
import { useT } from "../../i18n/use-t.ts";

export function CountyNav() {
  const t = useT("common");
  const tl = useT("loads");
  const tc = useT("counters");
  const td = useT("dashboard");
  const user = useUser();
  const nav: TNavItem[] = [
    { to: "/county", label: td("nav"), end: true, testId: "nav-overview" },
    { to: "/county/shipments", label: t("nav.shipments"), testId: "nav-shipments" },
    { to: "/county/overdue", label: t("nav.overdue"), testId: "nav-overdue" },
    { to: "/county/exceptions", label: td("exceptions.nav"), testId: "nav-exceptions" },
    { to: "/county/loads", label: tl("nav"), testId: "nav-loads" },
    { to: "/county/manifests", label: t("nav.manifests"), testId: "nav-manifests" },
    { to: "/county/network", label: t("nav.network"), testId: "nav-network" },
    { to: "/county/nodes", label: t("nav.nodes"), testId: "nav-nodes" },
    { to: "/county/lanes", label: t("nav.lanes"), testId: "nav-lanes" },
    { to: "/county/fleet", label: t("nav.fleet"), testId: "nav-fleet" },
    { to: "/county/import", label: t("nav.import"), testId: "nav-import" },
    { to: "/county/review", label: tc("nav.review"), testId: "nav-review" },
    { to: "/county/merchants", label: tc("nav.merchants"), testId: "nav-merchants" },
    { to: "/county/counters", label: tc("nav.counters"), testId: "nav-counters" },
    { to: "/county/sales-report", label: tc("nav.report"), testId: "nav-sales-report" },
  ];
  // A manager manages their county's station staff (create, deactivate, reset a password).
  nav.push({ to: "/county/users", label: t("nav.users"), testId: "nav-users" });
  if (user.role === "ADMIN") {
    nav.push(
      { to: "/county/audit", label: t("nav.audit"), testId: "nav-audit" },
      { to: "/admin/queues", label: tl("queuesNav"), testId: "nav-queues", reloadDocument: true },
    );
  }
  return <AreaLayout area="county" nav={nav} />;
}
