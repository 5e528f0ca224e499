// A panel that slides in from the right over the page (full screen on phones), for create/edit forms.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useT } from "../i18n/use-t.ts";

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

export function SidePanel({ title, onClose, children, testId }: Props) {
  const t = useT("common");
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") closeRef.current();
    };
    document.addEventListener("keydown", onKey);
    document.body.classList.add("panel-open");
    return () => {
      document.removeEventListener("keydown", onKey);
      document.body.classList.remove("panel-open");
      before?.focus();
    };
  }, []);

  return (
    <div className="panel-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="side-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={panelRef}
        tabIndex={-1}
        data-testid={testId}
      >
        <div className="side-panel-head">
          <h2 id={titleId} className="side-panel-title">
            {title}
          </h2>
          <button type="button" className="btn btn-small btn-ghost" onClick={onClose} data-testid="panel-close">
            {t("common.close")}
          </button>
        </div>
        <div className="side-panel-body">{children}</div>
      </div>
    </div>
  );
}
