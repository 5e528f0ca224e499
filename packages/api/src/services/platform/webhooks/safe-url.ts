// The SSRF guard of outbound webhooks: a URL may only name a public host (unless XD_WEBHOOK_ALLOW_PRIVATE), checked
// when a subscription is made and again at every send, where the connection is pinned to the address checked.
import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { AppError } from "@xiangda/domain";

export interface CheckedTarget {
  url: URL;
  /// The address the request must connect to (checked), and its family.
  address: string;
  family: 4 | 6;
}

/// Resolves a host name to all its addresses (dns.lookup, as the operating system does).
export type HostLookup = (host: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: HostLookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/// True for an address on the public internet only: not loopback, private, link-local, unique-local, CGNAT, multicast,
/// broadcast, unspecified, reserved or documentation ranges, nor an IPv6 form embedding an IPv4 one (mapped, NAT64,
/// 6to4, Teredo) — ipaddr.js calls everything else "unicast".
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // ::ffff:127.0.0.1 is 127.0.0.1: judged as the IPv4 address it is.
  const ip = ipaddr.process(address);
  return ip.range() === "unicast";
}

/// The parts of a URL a webhook may have: http(s), no user name or password. Throws AppError INVALID_INPUT at "url".
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw AppError.at("url", "WEBHOOK_URL_INVALID");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username !== "" || url.password !== "" || url.hostname === "") {
    throw AppError.at("url", "WEBHOOK_URL_INVALID");
  }
  return url;
}

/// Checks a webhook URL and resolves its host: every address it resolves to must be public (unless `allowPrivate`);
/// the first one is the one to connect to. Throws AppError INVALID_INPUT at "url".
export async function checkWebhookUrl(raw: string, opts: { allowPrivate: boolean; lookup?: HostLookup }): Promise<CheckedTarget> {
  const url = parseWebhookUrl(raw);
  // WHATWG URLs write an IPv6 host in brackets and normalise IPv4 forms (0x7f.1, 2130706433) to dotted quads.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === "ipv6" ? 6 : 4 }];
  } else {
    try {
      addresses = await (opts.lookup ?? systemLookup)(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw AppError.at("url", "WEBHOOK_URL_UNRESOLVED", { host });
  }
  if (!opts.allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) {
    throw AppError.at("url", "WEBHOOK_URL_PRIVATE", { host });
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
