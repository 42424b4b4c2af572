import "server-only";
export { getDb, type Db, type Tx } from "./client";
