// Unknown paths.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LangSwitch } from "../../components/lang-switch.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
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
