import { loadEnv } from "@xiangda/config";
import { migrateDeploy } from "@xiangda/db";
import type { Command } from "./types.ts";

export const migrate: Command = {
  summary: "apply database migrations (prisma migrate deploy)",
  options: {},
  async run(_args, io) {
    const env = loadEnv();
    await migrateDeploy(env.DATABASE_URL, { quiet: io.json });
    io.out({ ok: true }, "migrations applied");
  },
};
