// A node's status and the actions on it: suspend (reason, optional until), close (reason), reactivate.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { type TNode, type TNodeStatus } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { formatDate } from "../../../lib/time.ts";
import { StatusBox, StatusReasonForm, type TReasonInput } from "./status-reason-form.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { ENUMS } from "../../../components/form/enums.ts";

type TStep = null | "suspend" | "close";

export function NodeStatusActions({ countyCode, node, onChanged }: { countyCode: string; node: TNode; onChanged: (node: TNode) => void }) {
  const t = useT("network");
  const trpc = useTRPC();
  const [step, setStep] = useState<TStep>(null);
  const change = useMutation(
    trpc.network.nodes.setStatus.mutationOptions({
      onSuccess: (result) => {
        setStep(null);
        onChanged(result);
      },
    }),
  );
  const openStep = (next: TStep) => {
    change.reset();
    setStep(next);
  };
  const send = (status: TNodeStatus, extra: { reason?: string; until?: string } = {}) =>
    change.mutate({ countyCode, code: node.code, status, ...extra });
  // Suspending and closing both need a reason; a suspension may say until when.
  const confirm = (input: TReasonInput) => (step === "suspend" ? send("SUSPENDED", input) : send("CLOSED", { reason: input.reason }));

  return (
    <StatusBox
      prefix="node"
      title={t("nodes.statusTitle")}
      status={node.status}
      label={ENUMS.nodeStatus.label(node.status)}
      suspendedReason={node.suspendedReason}
      note={
        node.status === "SUSPENDED" && node.suspendedUntil ? (
          <span className="muted small">{t("nodes.suspendedUntil", { date: formatDate(node.suspendedUntil) })}</span>
        ) : null
      }
      error={change.error}
      fields={["reason", "until"]}
    >
      {step ? (
        <StatusReasonForm
          key={step}
          prefix="node-status"
          testId={`node-${step}-form`}
          question={step === "close" ? t("nodes.closeQuestion", { name: node.name }) : undefined}
          reasonLabel={step === "suspend" ? t("nodes.suspendReason") : t("nodes.closeReason")}
          until={step === "suspend" ? { id: "node-suspend-until", label: t("nodes.suspendUntil") } : undefined}
          confirmLabel={step === "suspend" ? t("nodes.suspendConfirm") : t("nodes.closeConfirm")}
          confirmTestId={`node-${step}-confirm`}
          danger={step === "close"}
          change={change}
          onConfirm={confirm}
          onCancel={() => setStep(null)}
        />
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
    </StatusBox>
  );
}
