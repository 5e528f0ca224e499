// The network: areas, nodes, lanes, fleet, coverage and bulk imports of one county.
import { router } from "../../trpc.ts";
import { areasRouter } from "./areas.ts";
import { carriersRouter, vehiclesRouter } from "./fleet.ts";
import { importsRouter } from "./imports.ts";
import { lanesRouter } from "./lanes.ts";
import { nodesRouter } from "./nodes.ts";
import { coverage, tree } from "./overview.ts";
import { rerouteJobs } from "./reroute-jobs.ts";

export const networkRouter = router({
  coverage,
  tree,
  nodes: nodesRouter,
  lanes: lanesRouter,
  vehicles: vehiclesRouter,
  carriers: carriersRouter,
  areas: areasRouter,
  imports: importsRouter,
  rerouteJobs,
});
