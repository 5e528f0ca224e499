// A private PostgreSQL cluster for tests that stop and restart the database: lives in @xiangda/db/testing, where the
// database package's own tests use it too.
export { startPrivatePostgres, type PrivatePostgres, type ShutdownMode } from "@xiangda/db/testing";
