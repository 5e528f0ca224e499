// apps/worker as a library for tests: start workers in-process.
export { startWorkers, type WorkerHandle, type StartOptions } from "./start.ts";
export { relayOnce, startRelay } from "./relay/outbox-relay.ts";
export { loggingSender, type Sender } from "./notify/sender.ts";
export { PROCESSORS } from "./processors/index.ts";
