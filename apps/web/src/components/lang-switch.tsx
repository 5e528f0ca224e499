// One button that flips between Chinese and English; shown on every page.
import { useTranslation } from "react-i18next";
import { currentLanguage, setLanguage } from "../i18n/index.ts";

export function LangSwitch({ className = "" }: { className?: string }) {
  const { t } = useTranslation();
  const next = currentLanguage() === "en" ? "zh-CN" : "en";
  return (
    <button
      type="button"
      className={`btn btn-ghost lang-switch ${className}`}
      data-testid="lang-switch"
      aria-label={t("lang.switchLabel")}
      title={t("lang.switchLabel")}
      lang={next}
      onClick={() => void setLanguage(next)}
    >
      {t("lang.switch")}
    </button>
  );
}
