// A node's status and the actions on it: suspend (reason, optional until), close (reason), reactivate.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormField } from "../../../components/form-field.tsx";
import { fieldError, readApiError } from "../../../lib/api-error.ts";
import { type TNode, type TNodeStatus } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { formatDate } from "../../../lib/time.ts";
import { ErrorSummary } from "../../../components/form/error-summary.tsx";
import { StatusPill } from "./network-bits.tsx";
import { dayStartIso } from "./network-format.ts";

type TStep = null | "suspend" | "close";

export function NodeStatusActions({ countyCode, node, onChanged }: { countyCode: string; node: TNode; onChanged: (node: TNode) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [step, setStep] = useState<TStep>(null);
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const change = useMutation(
    trpc.network.nodes.setStatus.mutationOptions({
      onSuccess: (result) => {
        setStep(null);
        setReason("");
        setUntil("");
        onChanged(result);
      },
    }),
  );
  const openStep = (next: TStep) => {
    change.reset();
    setReasonMissing(false);
    setStep(next);
  };
  const serverErrors = change.error ? readApiError(change.error).fieldErrors : {};

  const send = (status: TNodeStatus, extra: { reason?: string; until?: string } = {}) =>
    change.mutate({ countyCode, code: node.code, status, ...extra });

  // Suspending and closing both need a reason; a suspension may say until when.
  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    setReasonMissing(!text);
    if (!text) return;
    if (step === "suspend") send("SUSPENDED", { reason: text, until: dayStartIso(until) });
    else send("CLOSED", { reason: text });
  }

  return (
    <section className="status-box" data-testid="node-status">
      <h3 className="subheading">{t("nodes.statusTitle")}</h3>
      <div className="hero-line">
        <StatusPill status={node.status} label={t(`nodeStatus.${node.status}`)} testId="node-status-pill" />
        {node.status === "SUSPENDED" && node.suspendedReason ? <span className="muted small">{node.suspendedReason}</span> : null}
        {node.status === "SUSPENDED" && node.suspendedUntil ? (
          <span className="muted small">{t("nodes.suspendedUntil", { date: formatDate(node.suspendedUntil) })}</span>
        ) : null}
      </div>
      <ErrorSummary error={change.error} fields={["reason", "until"]} testId="node-status-error" />
      {step ? (
        <form className="form" onSubmit={onConfirm} noValidate data-testid={`node-${step}-form`}>
          {step === "close" ? <p className="confirm-line">{t("nodes.closeQuestion", { name: node.name })}</p> : null}
          <FormField
            id="node-status-reason"
            label={step === "suspend" ? t("nodes.suspendReason") : t("nodes.closeReason")}
            error={reasonMissing ? t("form.required") : fieldError(serverErrors, "reason")}
          >
            <input id="node-status-reason" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="node-status-reason" />
          </FormField>
          {step === "suspend" ? (
            <FormField id="node-suspend-until" label={t("nodes.suspendUntil")} error={fieldError(serverErrors, "until")}>
              <input
                id="node-suspend-until"
                type="date"
                value={until}
                onChange={(e) => setUntil(e.target.value)}
                data-testid="node-suspend-until"
              />
            </FormField>
          ) : null}
          <div className="form-actions">
            <button
              type="submit"
              className={`btn ${step === "close" ? "btn-danger" : "btn-primary"}`}
              disabled={change.isPending}
              data-testid={`node-${step}-confirm`}
            >
              {step === "suspend" ? t("nodes.suspendConfirm") : t("nodes.closeConfirm")}
            </button>
            <button type="button" className="btn" onClick={() => setStep(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          {node.status === "ACTIVE" ? (
            <button type="button" className="btn" onClick={() => openStep("suspend")} data-testid="node-suspend">
              {t("nodes.suspend")}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={change.isPending}
              onClick={() => send("ACTIVE")}
              data-testid="node-reactivate"
            >
              {t("nodes.reactivate")}
            </button>
          )}
          {node.status !== "CLOSED" ? (
            <button type="button" className="btn btn-danger-ghost" onClick={() => openStep("close")} data-testid="node-close">
              {t("nodes.close")}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
