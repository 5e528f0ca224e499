// Sign-in form; on success the user goes to their role's area.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZLoginSchema } from "@xiangda/domain";
import { z } from "zod";
import { useT } from "../../i18n/use-t.ts";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { useMe } from "../../auth/use-session.ts";
import { SubmitButton, TextField, ZodForm, issueKey, useZodForm } from "../../components/form/index.ts";
import { FullPageMessage } from "../../components/full-page-message.tsx";
import { homePathForRole } from "../../lib/roles.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { loginErrorText } from "./login-error-text.ts";
import { PublicCardHead, PublicScreen } from "./public-screen.tsx";

const required = issueKey("public", "login.required");

/** The fields as typed: both required (the sign-in's own words), then the server's schema (trimmed, lengths). */
const ZLoginDraftSchema = z
  .object({
    username: z.string().refine((v) => v.trim() !== "", { message: required }),
    password: z.string().refine((v) => v !== "", { message: required }),
  })
  .pipe(ZLoginSchema);
const FIELDS = ["username", "password"] as const;

export function LoginPage() {
  const t = useT("public");
  const tc = useT("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();

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
  const kit = useZodForm({ schema: ZLoginDraftSchema, defaultValues: { username: "", password: "" }, fields: FIELDS, mutation: login });

  if (me.isPending) return <FullPageMessage kind="loading" />;
  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={homePathForRole(me.data.role)} replace />;

  return (
    <PublicScreen name={tc("app.name")} tagline={tc("app.tagline")} footer={tc("app.footer")}>
      <main className="login-card card">
        <PublicCardHead title={t("login.heading")} lead={t("login.subtitle")} testId="login" error={loginErrorText(login.error, t)} />
        <ZodForm kit={kit} prefix="login">
          <TextField name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} label={t("login.username")} />
          <TextField name="password" type="password" autoComplete="current-password" label={t("login.password")} />
          <SubmitButton className="btn btn-primary btn-block" label={t("login.submit")} pendingLabel={t("login.submitting")} />
        </ZodForm>
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
