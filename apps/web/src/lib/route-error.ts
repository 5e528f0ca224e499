// A parcel's route error (Shipment.routeError, a ROUTE_FAILED event, a RED reason) in the UI's language. The server
// stores the router's English sentence (packages/domain/src/routing); each form it writes is read back here into a
// key of the "errors" namespace with its parameters. An unknown sentence shows as a generic "no route" in Chinese
// (reported by onUntranslated like any server text), as written in English.
import { currentLanguage } from "../i18n/index.ts";
import { errorsT, translateServerMessage } from "./api-error.ts";

type TRouteKey = "ROUTE_NO_ROUTE" | "ROUTE_COLD_CHAIN" | "ROUTE_ORIGIN_DOWN" | "ROUTE_DEST_DOWN" | "ROUTE_UNKNOWN_NODE" | "ROUTE_NO_STATION";

const FORMS: Array<[RegExp, TRouteKey, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^no cold-chain route for an? (\w+) parcel from (\S+) to (\S+) within (\d+) days/, "ROUTE_COLD_CHAIN", (m) => ({ from: m[2]!, to: m[3]!, days: m[4]! })],
  [/^no (\w+) route from (\S+) to (\S+) within (\d+) days/, "ROUTE_NO_ROUTE", (m) => ({ from: m[2]!, to: m[3]!, days: m[4]! })],
  [/^(?:no route|cold chain broken)$/, "ROUTE_NO_ROUTE", () => ({ from: "", to: "", days: "" })],
  [/^origin (\S+) is \w+$|^origin unavailable$/, "ROUTE_ORIGIN_DOWN", (m) => ({ node: m[1] ?? "" })],
  [/^destination (\S+) is \w+$|^destination unavailable$/, "ROUTE_DEST_DOWN", (m) => ({ node: m[1] ?? "" })],
  [/^(?:origin|destination) \S+ is not a node of this network$|^unknown node$/, "ROUTE_UNKNOWN_NODE", () => ({})],
  [/^the village's township has no station$/, "ROUTE_NO_STATION", () => ({})],
];

/** The route error in the UI's language, or null when the sentence is none the router writes. */
export function routeErrorKey(message: string): { key: TRouteKey; params: Record<string, string> } | null {
  for (const [re, key, params] of FORMS) {
    const m = re.exec(message.trim());
    if (m) return { key, params: params(m) };
  }
  return null;
}

export function routeErrorText(message: string): string {
  const known = routeErrorKey(message);
  if (known) return errorsT(known.key, known.params);
  if (!message) return "";
  // Not the router's: the generic text in Chinese (and reported), the sentence itself in English.
  translateServerMessage(null, null, message, { appCode: null, path: null }); // reports it
  return currentLanguage() === "en" ? message : errorsT("ROUTE_NO_ROUTE_GENERIC");
}
