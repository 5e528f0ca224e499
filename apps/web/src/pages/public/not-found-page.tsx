// Unknown paths.
import { useT } from "../../i18n/use-t.ts";
import { Link } from "react-router";
import { LangSwitch } from "../../components/lang-switch.tsx";

export function NotFoundPage() {
  const t = useT("common");
  return (
    <div className="full-page">
      <h1>{t("notFound.heading")}</h1>
      <Link className="btn btn-primary" to="/">
        {t("notFound.back")}
      </Link>
      <LangSwitch />
    </div>
  );
}
