import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { fieldError, readApiError, unplacedErrors } from "./api-error.ts";

function clientError(data: unknown): TRPCClientError<never> {
  return new TRPCClientError("boom", { result: { error: { message: "boom", code: -32600, data } } as never });
}

describe("readApiError", () => {
  it("collects field issues and codes", () => {
    const err = readApiError(
      clientError({
        code: "BAD_REQUEST",
        appCode: "INVALID_INPUT",
        zodIssues: [
          { path: "username", message: "required" },
          { path: "", message: "bad form" },
        ],
      }),
    );
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.appCode).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toEqual({ username: "required" });
    expect(err.formErrors).toEqual(["bad form"]);
    expect(err.isNetwork).toBe(false);
  });

  it("treats an error without data as a network failure", () => {
    const err = readApiError(new TRPCClientError("Failed to fetch"));
    expect(err.code).toBeNull();
    expect(err.isNetwork).toBe(true);
  });
});

describe("fieldError / unplacedErrors", () => {
  const errors = { code: "taken", "departures.1": "bad time", "stops.0.code": "unknown" };

  it("finds a field by its exact path or a nested one", () => {
    expect(fieldError(errors, "code")).toBe("taken");
    expect(fieldError(errors, "departures")).toBe("bad time");
    expect(fieldError(errors, "depart")).toBeUndefined();
  });

  it("lists the errors no field of the form shows", () => {
    expect(unplacedErrors(errors, ["code", "departures"])).toEqual(["stops.0.code: unknown"]);
  });
});
