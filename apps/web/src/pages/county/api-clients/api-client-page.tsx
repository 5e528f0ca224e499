// One API client of the county (/county/api-clients/:clientId): its name, and the same API keys and webhooks panels as
// the carrier portal shows the organisation's own users (the carrier procedures admit the county's manager and ADMIN).
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { DetailPage, retryUnless } from "../../../components/detail-page.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { ApiKeysView } from "../../carrier/api-keys-page.tsx";
import { WebhooksView } from "../../carrier/webhooks-page.tsx";

export function ApiClientPage() {
  const t = useT("apiClients");
  const trpc = useTRPC();
  const clientId = useParams().clientId ?? "";
  const client = useQuery(
    trpc.carrier.client.queryOptions({ clientId }, { retry: retryUnless("NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"), staleTime: 60_000 }),
  );
  return (
    <DetailPage
      className="page"
      back={{ to: "/county/api-clients", label: t("detail.back"), testId: "api-client-back" }}
      query={client}
      notFound={{ text: t("detail.notFound"), testId: "api-client-not-found" }}
    >
      {(c) => (
        <>
          <section className="card">
            <div className="muted small">
              {t("detail.label")} · {t(`kinds.${c.kind}`)}
              {c.carrier ? ` · ${c.carrier.code}` : ""}
            </div>
            <h2 className="card-title" data-testid="api-client-name">
              {c.name}
            </h2>
            {!c.active ? (
              <p className="alert alert-error" role="alert">
                {t("detail.inactive")}
              </p>
            ) : null}
          </section>
          <ApiKeysView clientId={c.id} />
          <WebhooksView clientId={c.id} />
        </>
      )}
    </DetailPage>
  );
}
