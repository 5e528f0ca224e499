// Prisma CLI config: JS engine with the pg driver adapter (no native engines are downloaded).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { pgConfigFromUrl } from "./src/pg-config.ts";

const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:55432/xiangda";
process.env.DATABASE_URL = url;

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaPg(pgConfigFromUrl(url)),
});
