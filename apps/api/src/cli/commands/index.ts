import { apiKeysCreate, apiKeysList, apiKeysRevoke, apiKeysRotate } from "./api-keys.ts";
import { countersList, merchantsList } from "./catalog.ts";
import { demoGenerate } from "./demo.ts";
import { divisionsImport } from "./divisions.ts";
import { coverage, lanesImport, nodesImport, poorImport, vehiclesImport } from "./network.ts";
import { migrate } from "./migrate.ts";
import { routeCommand } from "./route.ts";
import { seed } from "./seed.ts";
import type { Command } from "./types.ts";
import { usersCreate } from "./users.ts";
import { vrpSolve } from "./vrp.ts";

export type { CliIO } from "./types.ts";

export const COMMANDS: Record<string, Command> = {
  migrate,
  seed,
  "users create": usersCreate,
  "divisions import": divisionsImport,
  "nodes import": nodesImport,
  "lanes import": lanesImport,
  "vehicles import": vehiclesImport,
  "poor-villages import": poorImport,
  coverage,
  route: routeCommand,
  "vrp solve": vrpSolve,
  "merchants list": merchantsList,
  "counters list": countersList,
  "demo generate": demoGenerate,
  "api-keys create": apiKeysCreate,
  "api-keys list": apiKeysList,
  "api-keys rotate": apiKeysRotate,
  "api-keys revoke": apiKeysRevoke,
};
