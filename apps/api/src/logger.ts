// pino logger for the API: secrets in headers never reach the logs.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, redact: ["req.headers.authorization", "req.headers.cookie", "headers.cookie"] });
}
