import type { Command } from "./types.ts";
import { withDb } from "./with-db.ts";

export const seed: Command = {
  summary: "seed the demo county (Gaizhou 210881) and one user per role; safe to run again",
  options: {},
  async run(_args, io) {
    const { seedDemo } = await import("../../seed/seed-demo.ts");
    const r = await withDb((db) => seedDemo(db, (m) => io.progress(m)));
    io.out(r, `seeded demo county ${r.county}`);
  },
};
