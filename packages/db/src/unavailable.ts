// "The database cannot be reached right now" as opposed to "this statement failed": decided by SQLSTATE and the
// driver's error codes, however Prisma's pg adapter wraps them. The API answers the first kind with 503 UNAVAILABLE.

/// SQLSTATEs of a server that is down, starting, stopping or out of connection slots: class 08 (connection
/// exception), 57P01 admin_shutdown (fast and immediate shutdown, pg_terminate_backend), 57P02 crash_shutdown, 57P03
/// cannot_connect_now ("starting up", "shutting down", "not yet accepting connections", "not accepting connections")
/// and 53300 too_many_connections.
function unavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300";
}

/// Socket errors of the connection (Node's codes).
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ECONNABORTED"]);

/// Prisma's codes for a server it cannot reach or that closed the connection.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);

/// The kinds @prisma/adapter-pg gives socket errors and refused connections (`DriverAdapterError.cause.kind`).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/// pg and pg-pool raise these without any code: the connection dropped, or none could be made in time.
const DRIVER_MESSAGES = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
]);

interface ErrorLike {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
  errors?: unknown;
}

function self(e: ErrorLike): boolean {
  for (const c of [e.code, e.originalCode]) {
    if (typeof c !== "string") continue;
    if (unavailableSqlState(c) || SOCKET_CODES.has(c) || PRISMA_CODES.has(c)) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  return typeof e.message === "string" && DRIVER_MESSAGES.has(e.message);
}

/// True when `err` (or what it wraps: `cause`, Prisma's `meta.driverAdapterError`, an AggregateError's `errors`) says
/// the database is unreachable, starting, stopping or dropped the connection.
export function isDbUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const todo: unknown[] = [err];
  while (todo.length && seen.size < 20) {
    const e = todo.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const x = e as ErrorLike;
    if (self(x)) return true;
    todo.push(x.cause, x.meta?.driverAdapterError);
    if (Array.isArray(x.errors)) todo.push(...(x.errors as unknown[]));
  }
  return false;
}
