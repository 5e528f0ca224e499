// Every job of the platform. Processors live in apps/worker/src/processors/<domain>/.
import { z } from "zod";
import { defineJob } from "./define.ts";

export const usersWelcome = defineJob({
  queue: "notify",
  name: "users.welcome",
  schema: z.object({ userId: z.string().uuid(), username: z.string(), displayName: z.string() }),
  jobId: (p) => `users.welcome-${p.userId}`,
});

export const systemPing = defineJob({
  queue: "system",
  name: "system.ping",
  schema: z.object({ key: z.string().min(1), note: z.string().optional() }),
  jobId: (p) => `system.ping-${p.key}`,
});

/// Runs a bulk network import (nodes, lanes, vehicles, poor villages, divisions) with progress.
export const networkImport = defineJob({
  queue: "network",
  name: "network.import",
  schema: z.object({ importId: z.string().uuid() }),
  jobId: (p) => `network.import-${p.importId}`,
  options: { attempts: 3 },
});

export const ALL_JOBS = [usersWelcome, systemPing, networkImport] as const;
