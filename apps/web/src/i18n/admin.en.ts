// Strings of the ADMIN pages' own sections, English. Same keys as admin.zh.ts.
import type { adminZh } from "./admin.zh.ts";

export const adminEn = {
  throttles: {
    title: "Sign-in throttling",
    lead: "A username failing {{perPair}} times from one address, or an address failing {{perIp}} times, is refused for a while (within {{minutes}} min); a username alone is only slowed down, never locked.",
    kind: "Kind",
    kindPAIR: "Username + address",
    kindIP: "Address",
    kindUSERNAME: "Username",
    username: "Username",
    ip: "Address",
    failures: "Failures",
    state: "State",
    stateBLOCKED: "Refused",
    stateDELAYED: "Delayed",
    until: "Until",
    resetsAt: "Count lapses",
    clearUser: "Clear username",
    clearIp: "Clear address",
    clearing: "Clearing…",
    cleared: "Limits cleared: {{count}}.",
    clearFailed: "Could not clear: {{message}}",
    truncated: "Showing the first 200.",
  },
} satisfies typeof adminZh;
