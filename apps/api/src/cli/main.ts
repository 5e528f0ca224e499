// `pnpm xd <command>`: the operations CLI. Every command takes --json; failures exit non-zero.
import { parseArgs } from "node:util";
import { isAppError } from "@xiangda/domain";
import { COMMANDS, type CliIO } from "./commands/index.ts";

const argv = process.argv.slice(2);
const json = argv.includes("--json");

const io: CliIO = {
  json,
  out(data, human) {
    if (json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    else process.stdout.write(`${human ?? JSON.stringify(data, null, 2)}\n`);
  },
  progress(msg) {
    if (!json) process.stderr.write(`${msg}\n`);
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  pnpm xd ${name.padEnd(20)} ${c.summary}`);
  return `Xiangda operations CLI\n\nusage:\n${lines.join("\n")}\n\nEvery command takes --json for machine-readable output.`;
}

async function main(): Promise<number> {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith("-")) break;
    words.push(a);
  }
  // Longest command name that matches the leading words ("users create", "migrate", …).
  let name = "";
  for (let n = words.length; n > 0; n--) {
    const candidate = words.slice(0, n).join(" ");
    if (COMMANDS[candidate]) {
      name = candidate;
      break;
    }
  }
  if (!name) {
    if (words.length === 0 || words[0] === "help") {
      process.stdout.write(`${usage()}\n`);
      return words.length === 0 ? 2 : 0;
    }
    throw new CliError(`unknown command "${words.join(" ")}"\n\n${usage()}`);
  }
  const cmd = COMMANDS[name]!;
  const rest = argv.slice(name.split(" ").length);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...cmd.options, json: { type: "boolean" }, help: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`pnpm xd ${name} — ${cmd.summary}\n${cmd.usage ?? ""}\n`);
    return 0;
  }
  await cmd.run({ values: values, positionals }, io);
  return 0;
}

export class CliError extends Error {}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    let message = e instanceof Error ? e.message : String(e);
    let issues: { path: string; message: string }[] = [];
    if (isAppError(e)) {
      issues = e.issues;
      message = e.message;
    } else if (e && typeof e === "object" && "issues" in e && Array.isArray((e).issues)) {
      issues = (e as { issues: { path: (string | number)[]; message: string }[] }).issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      message = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    }
    const printed = isAppError(e) && e.details?.printed === true;
    if (json && !printed) process.stdout.write(`${JSON.stringify({ error: message, code: isAppError(e) ? e.code : "ERROR", issues }, null, 2)}\n`);
    process.stderr.write(`error: ${message}\n`);
    process.exit(1);
  });
