// Job name → processor. Every job defined in @xiangda/jobs must have one (checked by a test).
import { networkImport, systemPing, usersWelcome } from "@xiangda/jobs";
import { processNetworkImport } from "./network/import.ts";
import { processUsersWelcome } from "./notify/users-welcome.ts";
import { processSystemPing } from "./system/ping.ts";
import type { Processor } from "./types.ts";

export const PROCESSORS: Record<string, Processor> = {
  [usersWelcome.name]: processUsersWelcome,
  [systemPing.name]: processSystemPing,
  [networkImport.name]: processNetworkImport,
};
