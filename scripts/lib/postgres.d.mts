// Types for postgres.mjs, for the TypeScript that imports it (the benchmarks).

/** The directory of Debian's PostgreSQL binaries, installing the package first when missing (as root). */
export function ensurePostgres(): string;

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/vernissage */
  url: string;
  root: string;
  /** Runs one statement with psql (as the postgres user) and returns its unaligned output. */
  psql(sql: string, db?: string): string;
  /** Stops the server and removes the cluster (idempotent). */
  stop(): void;
}

/** A throwaway cluster in a temp dir, run by the unprivileged postgres user, listening on 127.0.0.1:`port`. */
export function startPostgres(port: number): ThrowawayPostgres;
