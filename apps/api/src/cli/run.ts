// The operations CLI as a function: parses the words and options, runs the command, prints the result or the error
// (naming the field) and returns the exit code. `main.ts` is the process around it; tests call it in-process.
import { parseArgs } from "node:util";
import { errorText, isAppError, isErrorKey } from "@xiangda/domain";
import { COMMANDS, type CliIO } from "./commands/index.ts";

export interface CliStreams {
  stdout(text: string): void;
  stderr(text: string): void;
}

export class CliError extends Error {}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  pnpm xd ${name.padEnd(20)} ${c.summary}`);
  return `Xiangda operations CLI\n\nusage:\n${lines.join("\n")}\n\nEvery command takes --json for machine-readable output.`;
}

async function dispatch(argv: string[], io: CliIO, streams: CliStreams): Promise<number> {
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
      streams.stdout(`${usage()}\n`);
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
    streams.stdout(`pnpm xd ${name} — ${cmd.summary}\n${cmd.usage ?? ""}\n`);
    return 0;
  }
  await cmd.run({ values: values, positionals }, io);
  return 0;
}

/// Runs one command line (without the program name) and returns its exit code.
export async function runCli(argv: string[], streams: CliStreams): Promise<number> {
  const json = argv.includes("--json");
  const io: CliIO = {
    json,
    out(data, human) {
      if (json) streams.stdout(`${JSON.stringify(data, null, 2)}\n`);
      else streams.stdout(`${human ?? JSON.stringify(data, null, 2)}\n`);
    },
    progress(msg) {
      if (!json) streams.stderr(`${msg}\n`);
    },
    log(msg) {
      streams.stderr(`${msg}\n`);
    },
  };
  try {
    return await dispatch(argv, io, streams);
  } catch (e: unknown) {
    let message = e instanceof Error ? e.message : String(e);
    let issues: { path: string; message: string }[] = [];
    if (isAppError(e)) {
      issues = e.issues;
      message = e.message;
    } else if (e && typeof e === "object" && "issues" in e && Array.isArray(e.issues)) {
      // A schema's own check names a catalog key (with its params): printed as its English sentence.
      issues = (e as { issues: { path: (string | number)[]; message: string; params?: Record<string, string | number> }[] }).issues.map((i) => ({
        path: i.path.join("."),
        message: isErrorKey(i.message) ? errorText(i.message, i.params ?? {}) : i.message,
      }));
      message = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    }
    const printed = isAppError(e) && e.details?.printed === true;
    if (json && !printed) streams.stdout(`${JSON.stringify({ error: message, code: isAppError(e) ? e.code : "ERROR", issues }, null, 2)}\n`);
    streams.stderr(`error: ${message}\n`);
    return 1;
  }
}
