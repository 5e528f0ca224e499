// A classic script that index.html runs before the app's modules, so before zod loads: zod then parses without
// compiling code. Compiled parsers need `new Function`, which the API's Content-Security-Policy forbids (script-src
// has no 'unsafe-eval'), and zod probes for it as each schema is defined, which the browser reports as a violation.
// `__zod_globalConfig` holds the settings `z.config()` changes, shared by every copy of zod.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
