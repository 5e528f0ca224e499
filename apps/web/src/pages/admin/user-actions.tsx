// Per-user actions: deactivate / activate and reset the password (typed, or generated and shown once). Both end
// every session of the user on the server. Only rows the server marks `manageable` offer them.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormField } from "../../components/form-field.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { useT, type TT } from "../../i18n/use-t.ts";

type TRow = { id: string; username: string; active: boolean };
export type TUserActionResult = { kind: "ok"; text: string; password?: string } | { kind: "error"; text: string };

export function UserActions({
  user,
  onResult,
  onReset,
}: {
  user: TRow;
  onResult: (r: TUserActionResult) => void;
  onReset: (u: TRow) => void;
}) {
  const ta = useT("admin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: async (r) => {
        onResult({
          kind: "ok",
          text: r.active
            ? ta("users.activated", { username: user.username })
            : ta("users.deactivated", { username: user.username, count: r.revokedSessions }),
        });
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
      onError: (e) => onResult({ kind: "error", text: errorText(ta, e) }),
    }),
  );
  const toggle = () => {
    if (user.active && !window.confirm(ta("users.confirmDeactivate", { username: user.username }))) return;
    setActive.mutate({ userId: user.id, active: !user.active });
  };
  return (
    <div className="form-actions">
      <button
        type="button"
        className="btn btn-small"
        onClick={toggle}
        disabled={setActive.isPending}
        data-testid={`user-toggle-${user.username}`}
      >
        {user.active ? ta("users.deactivate") : ta("users.activate")}
      </button>
      <button type="button" className="btn btn-small" onClick={() => onReset(user)} data-testid={`user-reset-${user.username}`}>
        {ta("users.resetPassword")}
      </button>
    </div>
  );
}

function errorText(ta: TT<"admin">, e: unknown) {
  const err = readApiError(e);
  return err.code === "FORBIDDEN" ? ta("users.forbidden") : ta("users.actionFailed", { message: err.message });
}

/// The reset form for one user: an optional password; the generated one comes back once and is shown by the page.
export function ResetPasswordCard({
  user,
  onDone,
  onCancel,
}: {
  user: TRow;
  onDone: (r: TUserActionResult) => void;
  onCancel: () => void;
}) {
  const ta = useT("admin");
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: (r) =>
        onDone({
          kind: "ok",
          text: ta("users.resetDone", { username: r.username, count: r.revokedSessions }),
          ...(r.generatedPassword ? { password: r.generatedPassword } : {}),
        }),
    }),
  );
  const err = reset.error ? readApiError(reset.error) : null;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    reset.mutate({ userId: user.id, ...(password ? { password } : {}) });
  };
  return (
    <section className="card" data-testid="user-reset-card">
      <h2 className="card-title">{ta("users.resetTitle", { username: user.username })}</h2>
      <p className="muted small">{ta("users.resetLead")}</p>
      {err ? (
        <div className="alert alert-error" role="alert">
          {err.code === "FORBIDDEN"
            ? ta("users.forbidden")
            : (err.fieldErrors.password ?? ta("users.actionFailed", { message: err.message }))}
        </div>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormField id="reset-password" label={ta("users.newPassword")}>
          <input
            id="reset-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="user-reset-password"
          />
        </FormField>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={reset.isPending} data-testid="user-reset-submit">
            {reset.isPending ? ta("users.resetting") : ta("users.resetSubmit")}
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            {ta("users.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
