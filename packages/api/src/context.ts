// Request context: dependencies, the caller (actor) and the request's identity.
import type { Redis } from "ioredis";
import type { Db } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";
import type { Queues } from "@xiangda/jobs";
import type { BlobStorage } from "./services/catalog/storage.ts";

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface CookieOptions {
  maxAgeSeconds: number;
}

/// What the HTTP layer gives each request; tests build it by hand.
export interface RequestInfo {
  /// The server's own id of the request (never the client's X-Request-Id).
  requestId: string;
  /// The X-Request-Id the client sent, when well-formed: logged and audited beside ours, trusted for nothing.
  clientRequestId?: string | null;
  /// The client's address: the socket's peer, or what a trusted proxy forwarded (XD_TRUSTED_PROXIES).
  ip: string | null;
  userAgent: string | null;
  /// Session token from the cookie or an `Authorization: Bearer` header.
  sessionToken: string | null;
  setSessionCookie(token: string, opts: CookieOptions): void;
  clearSessionCookie(): void;
}

export interface Deps {
  db: Db;
  /// Producer connection (fails fast); may be down — callers must cope.
  redis: Redis;
  redisPrefix: string;
  queues: Queues;
  log: Logger;
  sessionTtlHours: number;
  /// 32-byte key for personal data at rest (resident IDs).
  dataKey: Buffer;
  /// The clock; tests and the demo can move it.
  now: () => Date;
  /// Uploaded files (product images); the local disk under XD_STORAGE_DIR when not given.
  storage?: BlobStorage;
}

export interface Context extends Deps {
  req: RequestInfo;
  actor: Actor | null;
  sessionId: string | null;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
