import type { Prisma } from "./generated/prisma/client.ts";
import type { Db } from "./client.ts";

/// A client or an interactive transaction: services accept either.
export type Tx = Db | Prisma.TransactionClient;
