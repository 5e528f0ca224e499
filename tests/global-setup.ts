// Once per test run: make sure the migrated template database exists (test files clone it).
import { ensureTemplate } from "@xiangda/db/testing";

export default async function setup() {
  await ensureTemplate();
}
