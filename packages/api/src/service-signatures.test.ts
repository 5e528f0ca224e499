// One call style for the services the routers and the REST routes call: `verbNoun(db, { actor, now, ...input })`
// (deps such as blob storage go in the same object). Read from the source, so a new positional entry point fails here.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const parsed = new Map<string, ts.SourceFile>();
const source = (file: string) => {
  let sf = parsed.get(file);
  if (!sf) parsed.set(file, (sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true)));
  return sf;
};
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/// The parameters of the function `name` declared in (or re-exported by) `file`, or null if it is not a function.
function parametersOf(file: string, name: string, depth = 0): readonly ts.ParameterDeclaration[] | null {
  if (depth > 3) return null;
  for (const st of source(file).statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name) return st.parameters;
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (
          ts.isIdentifier(d.name) &&
          d.name.text === name &&
          d.initializer &&
          (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))
        )
          return d.initializer.parameters;
    if (
      ts.isExportDeclaration(st) &&
      st.moduleSpecifier &&
      ts.isStringLiteral(st.moduleSpecifier) &&
      st.exportClause &&
      ts.isNamedExports(st.exportClause)
    )
      for (const el of st.exportClause.elements)
        if (el.name.text === name)
          return parametersOf(resolve(dirname(file), st.moduleSpecifier.text), (el.propertyName ?? el.name).text, depth + 1);
  }
  return null;
}

/// Service functions a file imports (by relative path, value imports only) and calls.
function calledServices(file: string): { name: string; from: string }[] {
  const sf = source(file);
  const imported = new Map<string, { name: string; from: string }>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || st.importClause?.isTypeOnly || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const spec = st.moduleSpecifier.text;
    const bindings = st.importClause?.namedBindings;
    if (!spec.startsWith(".") || !spec.includes("services/") || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements)
      if (!el.isTypeOnly) imported.set(el.name.text, { name: (el.propertyName ?? el.name).text, from: resolve(dirname(file), spec) });
  }
  const called = new Map<string, { name: string; from: string }>();
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && imported.has(n.expression.text))
      called.set(n.expression.text, imported.get(n.expression.text)!);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return [...called.values()];
}

/// Entry points still positional, to be moved: none.
const NOT_YET = new Set<string>([]);

describe("service entry points", () => {
  const routers = walk(join(here, "router")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  const entries = new Map<string, readonly ts.ParameterDeclaration[]>();
  for (const file of routers)
    for (const { name, from } of calledServices(file)) {
      const params = parametersOf(from, name);
      if (params && !NOT_YET.has(name)) entries.set(`${name} (${from.slice(here.length + 1)})`, params);
    }
  // The REST routes, the CLI and the seed reach services through @xiangda/api/rest: its functions that take a database.
  for (const st of source(join(here, "rest.ts")).statements) {
    if (!ts.isExportDeclaration(st) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier) || !st.exportClause) continue;
    if (!ts.isNamedExports(st.exportClause)) continue;
    for (const el of st.exportClause.elements) {
      const params = parametersOf(resolve(here, st.moduleSpecifier.text), (el.propertyName ?? el.name).text);
      const first = params?.[0]?.name.getText();
      if (params && (first === "db" || first === "tx") && !NOT_YET.has(el.name.text)) entries.set(`${el.name.text} (rest.ts)`, params);
    }
  }

  it("are found", () => expect(entries.size).toBeGreaterThan(80));

  it("take the database (or deps) and one object: verbNoun(db, { actor, now, ...input })", () => {
    const positional = [...entries]
      .filter(([, params]) => params.length > 2)
      .map(([name, params]) => `${name}: ${params.length} parameters`);
    expect(positional).toEqual([]);
  });
});
