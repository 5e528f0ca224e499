// Sign-in form; on success the user goes to their role's area.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useT } from "../../i18n/use-t.ts";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { useMe } from "../../auth/use-session.ts";
import { FormField } from "../../components/form-field.tsx";
import { FullPageMessage } from "../../components/full-page-message.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { homePathForRole } from "../../lib/roles.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { loginErrorText } from "./login-error-text.ts";
import { PublicScreen } from "./public-screen.tsx";

type TFields = "username" | "password";

export function LoginPage() {
  const t = useT("public");
  const tc = useT("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [localErrors, setLocalErrors] = useState<Partial<Record<TFields, string>>>({});

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async ({ user }) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        const home = homePathForRole(user.role);
        const from = (location.state as { from?: unknown } | null)?.from;
        await navigate(typeof from === "string" && from.startsWith(home) ? from : home, { replace: true });
      },
    }),
  );
  const errorText = loginErrorText(login.error, t);
  const serverFields = login.error ? readApiError(login.error).fieldErrors : {};
  const fieldError = (field: TFields) => localErrors[field] ?? serverFields[field];

  if (me.isPending) return <FullPageMessage kind="loading" />;
  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={homePathForRole(me.data.role)} replace />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Partial<Record<TFields, string>> = {};
    if (!username.trim()) errors.username = t("login.required");
    if (!password) errors.password = t("login.required");
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    login.mutate({ username: username.trim(), password });
  }

  return (
    <PublicScreen name={tc("app.name")} tagline={tc("app.tagline")} footer={tc("app.footer")}>
      <main className="login-card card">
        <h1 className="login-heading" data-testid="login-heading">
          {t("login.heading")}
        </h1>
        <p className="muted">{t("login.subtitle")}</p>
        {errorText ? (
          <div className="alert alert-error" role="alert" data-testid="login-error">
            {errorText}
          </div>
        ) : null}
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormField id="login-username" label={t("login.username")} error={fieldError("username")}>
            <input
              id="login-username"
              data-testid="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              aria-invalid={Boolean(fieldError("username"))}
              onChange={(e) => setUsername(e.target.value)}
            />
          </FormField>
          <FormField id="login-password" label={t("login.password")} error={fieldError("password")}>
            <input
              id="login-password"
              data-testid="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              aria-invalid={Boolean(fieldError("password"))}
              onChange={(e) => setPassword(e.target.value)}
            />
          </FormField>
          <button type="submit" className="btn btn-primary btn-block" data-testid="login-submit" disabled={login.isPending}>
            {login.isPending ? t("login.submitting") : t("login.submit")}
          </button>
        </form>
        <p className="login-track">
          <span className="muted">{t("login.trackLead")}</span>{" "}
          <Link to="/track" data-testid="login-track">
            {t("login.track")}
          </Link>
        </p>
      </main>
    </PublicScreen>
  );
}
