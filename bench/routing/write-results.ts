// Writes the routing benchmark section of docs/benchmarks.md between its markers, leaving the rest alone.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const START = "<!-- bench:routing -->";
const END = "<!-- /bench:routing -->";

export function writeSection(path: string, body: string): void {
  const section = `${START}\n${body.trim()}\n${END}`;
  if (!existsSync(path)) {
    writeFileSync(
      path,
      `# Benchmarks\n\nNumbers written by the benchmark scripts; rerun the command in a section to refresh it.\n\n${section}\n`,
    );
    return;
  }
  const text = readFileSync(path, "utf8");
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const next = a >= 0 && b > a ? text.slice(0, a) + section + text.slice(b + END.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
