// The Space-call cache: a completed, validated call keyed by what determines its result. A hit makes no
// network call and costs no GPU quota. Implementations must survive a restart (the embedded one is SQLite).

export interface CachedCall {
  /** Space id or URL that produced it. */
  space: string;
  endpoint: string;
  /** Outputs with files replaced by stored assets: { kind: "asset", sha256, mediaType } or plain JSON. */
  outputs: unknown[];
  durationMs: number;
  createdAt: string;
}

export interface CallCache {
  get(key: string): Promise<CachedCall | null>;
  put(key: string, value: CachedCall): Promise<void>;
}
