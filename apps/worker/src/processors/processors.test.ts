import { describe, expect, it } from "vitest";
import { ALL_JOBS, QUEUES } from "@xiangda/jobs";
import { PROCESSORS } from "./index.ts";

describe("processor registry", () => {
  it("has a processor for every job and no processor without a job", () => {
    expect(Object.keys(PROCESSORS).sort()).toEqual(ALL_JOBS.map((j) => j.name).sort());
    for (const j of ALL_JOBS) expect(QUEUES).toContain(j.queue);
  });
});
