// What an API key may do. A key belongs to one organisation (ApiClient) of one county and carries some of these.
import { z } from "zod";

export const API_SCOPES = ["shipments:write", "shipments:read", "events:read", "webhooks:manage"] as const;
export type TApiScope = (typeof API_SCOPES)[number];
export const ZApiScopeSchema = z.enum(API_SCOPES);
/// A new key's scopes when none are named: all of them.
export const DEFAULT_API_SCOPES: readonly TApiScope[] = API_SCOPES;

export const API_CLIENT_KINDS = ["CARRIER", "PLATFORM"] as const;
export type TApiClientKind = (typeof API_CLIENT_KINDS)[number];

/// A key as the client holds it: `xdk_` + 12-character prefix (public, shown in lists) + `_` + 40-character secret.
export const API_KEY_PATTERN = /^xdk_([A-Za-z0-9]{12})_([A-Za-z0-9]{40})$/;
