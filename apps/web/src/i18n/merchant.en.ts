// Namespace "merchant", English; the same keys as merchant.zh.ts (checked by the type and by namespaces-i18n.test.ts).
import type { TMessagesOf } from "./messages.ts";
import type { merchantZh } from "./merchant.zh.ts";

export const merchantEn: TMessagesOf<typeof merchantZh> = {
  merchant: {
    overviewTitle: "Merchant",
    name: "Name",
    id: "Merchant ID",
    countyCode: "County code",
    welcome: "Welcome, {{name}}",
    noScope: "This account is not linked to a merchant.",
  },
};
