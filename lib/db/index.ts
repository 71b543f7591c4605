// The embedded persistence layer (SQLite). Every repository function takes the handle as its last,
// optional argument: the process-wide getDb() by default, a test's openDb(tmp) when given.
export * from "./connection";
export * from "./errors";
export { newId } from "./ids";
export * from "./galleries";
export * from "./exhibits";
export * from "./builds";
export * from "./events";
export * from "./cache";
export * from "./tools";
export * from "./view";
export * from "./remix";
