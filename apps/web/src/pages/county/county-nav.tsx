// The county area's frame; ADMIN gets the user and audit pages in the nav.
import { useTranslation } from "react-i18next";
import { useUser } from "../../auth/session-context.ts";
import { AreaLayout, type TNavItem } from "../../components/area-layout.tsx";

export function CountyNav() {
  const { t } = useTranslation();
  const user = useUser();
  const nav: TNavItem[] = [{ to: "/county", label: t("nav.overview"), end: true, testId: "nav-overview" }];
  if (user.role === "ADMIN") {
    nav.push(
      { to: "/county/users", label: t("nav.users"), testId: "nav-users" },
      { to: "/county/audit", label: t("nav.audit"), testId: "nav-audit" },
    );
  }
  return <AreaLayout area="county" nav={nav} />;
}
