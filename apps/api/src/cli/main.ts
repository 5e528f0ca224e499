// `pnpm xd <command>`: the operations CLI. Every command takes --json; failures exit non-zero.
import { runCli } from "./run.ts";

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exit(code);
