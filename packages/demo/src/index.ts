// @xiangda/demo: the demo-data generator behind `pnpm xd demo generate` and the dashboard benchmark.
export { generateDemoYear, type GenerateDemoYearOptions, type GenerateDemoYearResult } from "./generate-year.ts";
