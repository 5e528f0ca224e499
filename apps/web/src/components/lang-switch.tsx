// One button that flips between Chinese and English; shown on every page.
import { currentLanguage, setLanguage } from "../i18n/index.ts";
import { useT } from "../i18n/use-t.ts";

export function LangSwitch({ className = "" }: { className?: string }) {
  const t = useT("common");
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
