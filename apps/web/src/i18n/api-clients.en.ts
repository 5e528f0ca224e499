// Namespace "apiClients", English; the same keys as api-clients.zh.ts (checked by the type and by namespaces-i18n.test.ts).
import type { TMessagesOf } from "./messages.ts";
import type { apiClientsZh } from "./api-clients.zh.ts";

export const apiClientsEn: TMessagesOf<typeof apiClientsZh> = {
  list: {
    title: "API clients",
    intro: "Carriers and e-commerce platforms that connect to the county's network by API. Open a row to manage its API keys and webhooks.",
    add: "Add a client",
    empty: "No API clients yet.",
    kind: "Kind",
    name: "Name",
    activeKeys: "Active keys",
    state: "State",
    active: "Active",
    inactive: "Deactivated",
    createdAt: "Created",
    open: "Manage",
  },
  kinds: {
    CARRIER: "Carrier",
    PLATFORM: "E-commerce platform / merchant system",
  },
  form: {
    kind: "Kind",
    carrier: "Carrier",
    blacklisted: "blacklisted",
    name: "Name",
    carrierNameHint:
      "Optional: the carrier's own name by default. A carrier has one client per county; adding it again opens the one there is.",
    platformNameHint: "The platform's or merchant system's name, unique in the county.",
    create: "Add",
    creating: "Adding…",
  },
  detail: {
    back: "API clients",
    label: "API client",
    notFound: "No such API client, or not of this county.",
    inactive: "Deactivated: API calls and webhook deliveries have stopped",
  },
};
