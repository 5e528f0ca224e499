import type { ParseArgsConfig } from "node:util";

export interface CliIO {
  json: boolean;
  out(data: unknown, human?: string): void;
  /// Progress for a person watching; silent with --json.
  progress(msg: string): void;
  /// Progress that goes to stderr even with --json (stdout carries only the result).
  log(msg: string): void;
}

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  summary: string;
  usage?: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(args: CommandArgs, io: CliIO): Promise<void>;
}
