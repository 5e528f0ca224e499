// @xiangda/api: the tRPC router, its context and services.
export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createContext } from "./create-context.ts";
export { silentLogger, type Context, type Deps, type Logger, type RequestInfo } from "./context.ts";
export { toTRPCError } from "./errors.ts";
export { hashPassword, verifyPassword } from "./services/auth/password.ts";
export { createUser } from "./services/users/create-user.ts";
export type { TUserView } from "./services/users/user-view.ts";
export { importDivisions, type ImportDivisionsResult } from "./services/areas/import-divisions.ts";
export { executeImportRun, runFileImport, type ImportResult, type FileImportKind, IMPORT_KINDS, FILE_IMPORT_KINDS } from "./services/network/imports.ts";
export { findCoverage } from "./services/network/coverage.ts";
