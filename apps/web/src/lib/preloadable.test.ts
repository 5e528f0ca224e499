import { createElement, Suspense } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { preloadable, preloadableExport } from "./preloadable.ts";

// renderToString never waits for a suspended component: it renders the fallback, so it shows whether a render would
// have suspended (and, in the browser, been held back behind its fallback).
const render = (element: ReturnType<typeof createElement>) =>
  renderToString(createElement(Suspense, { fallback: createElement("i", null, "waiting") }, element));

function Greeting({ name }: { name: string }) {
  return createElement("b", null, `你好，${name}`);
}

describe("preloadable", () => {
  it("renders at once once its chunk is in, where React.lazy would suspend first", async () => {
    let loads = 0;
    const View = preloadable(async () => {
      loads++;
      return Greeting;
    });
    expect(render(createElement(View, { name: "高屯" }))).toContain("waiting");
    await View.preload();
    expect(render(createElement(View, { name: "高屯" }))).toContain("你好，高屯");
    await View.preload();
    expect(loads).toBe(1);
  });

  it("takes a named export and tries again after a failed download", async () => {
    let attempt = 0;
    const View = preloadableExport(async () => {
      attempt++;
      if (attempt === 1) throw new Error("chunk gone");
      return { Greeting, Other: () => null };
    }, "Greeting");
    await expect(View.preload()).rejects.toThrow("chunk gone");
    await View.preload();
    expect(render(createElement(View, { name: "沙岗" }))).toContain("你好，沙岗");
    expect(attempt).toBe(2);
  });
});
