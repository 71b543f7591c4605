import "server-only";
import pg from "pg";
import { sql } from "kysely";
import { getDb, type Db } from "./connection";
import { configValue } from "@/lib/platform/config";
import { processSingleton } from "@/lib/platform/singleton";

// PostgreSQL LISTEN/NOTIFY as a wake-up signal between processes. Nothing is carried that is not also in a
// table: a notification says "look", the reader reads the rows (build events, the gallery view), so a missed one
// costs latency, never data. One listening connection per process, shared by every channel and handler.

export type SignalHandler = (payload: string) => void;

/** Sends `payload` (≤ 8000 bytes) to every process listening on `channel`, when the current transaction commits. */
export async function signal(channel: string, payload: string, db: Db = getDb()): Promise<void> {
  await sql`SELECT pg_notify(${channel}, ${payload})`.execute(db);
}

interface Listener {
  client: pg.Client | null;
  connecting: Promise<void> | null;
  handlers: Map<string, Set<SignalHandler>>;
  /** Called after a reconnect: notifications sent while the connection was down were lost. */
  onReconnect: Set<() => void>;
  closed: boolean;
}

const RETRY_MS = 1000;

function listener(): Listener {
  return processSingleton("pgListener", (): Listener => ({ client: null, connecting: null, handlers: new Map(), onReconnect: new Set(), closed: false }));
}

function quoteIdent(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  return `"${channel}"`;
}

async function connect(l: Listener, reconnect: boolean): Promise<void> {
  const url = configValue("DATABASE_URL");
  if (!url) throw new Error("LISTEN needs DATABASE_URL");
  const client = new pg.Client({ connectionString: url });
  client.on("notification", (msg) => {
    for (const handler of l.handlers.get(msg.channel) ?? []) {
      try {
        handler(msg.payload ?? "");
      } catch (err) {
        console.error(`vernissage: a ${msg.channel} signal handler failed`, err);
      }
    }
  });
  const lost = (err?: Error) => {
    if (l.client !== client) return;
    l.client = null;
    client.removeAllListeners();
    client.end().catch(() => {});
    if (l.closed) return;
    console.warn(`vernissage: lost the PostgreSQL signal connection${err ? ` (${err.message})` : ""}; reconnecting`);
    setTimeout(() => void ensureListening(true).catch(() => {}), RETRY_MS).unref();
  };
  client.on("error", lost);
  client.on("end", () => lost());
  await client.connect();
  for (const channel of l.handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
  l.client = client;
  if (reconnect) for (const hook of l.onReconnect) hook();
}

async function ensureListening(reconnect = false): Promise<void> {
  const l = listener();
  if (l.client) return;
  l.connecting ??= connect(l, reconnect).finally(() => {
    l.connecting = null;
  });
  try {
    await l.connecting;
  } catch (err) {
    if (!l.closed) setTimeout(() => void ensureListening(true).catch(() => {}), RETRY_MS).unref();
    throw err;
  }
}

/**
 * Calls `handler` with each payload sent on `channel` by any process (this one included), from the moment the
 * returned promise resolves. Returns the function that stops listening.
 */
export async function listen(channel: string, handler: SignalHandler, onReconnect?: () => void): Promise<() => void> {
  const l = listener();
  l.closed = false;
  let set = l.handlers.get(channel);
  const fresh = !set;
  if (!set) l.handlers.set(channel, (set = new Set()));
  set.add(handler);
  if (onReconnect) l.onReconnect.add(onReconnect);
  await ensureListening();
  if (fresh && l.client) await l.client.query(`LISTEN ${quoteIdent(channel)}`);
  return () => {
    set.delete(handler);
    if (onReconnect) l.onReconnect.delete(onReconnect);
  };
}

/** Closes the listening connection (tests, shutdown). */
export async function stopListening(): Promise<void> {
  const l = listener();
  l.closed = true;
  const client = l.client;
  l.client = null;
  l.handlers.clear();
  l.onReconnect.clear();
  await client?.end().catch(() => {});
}
