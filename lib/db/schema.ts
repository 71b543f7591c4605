import type { Generated } from "kysely";
import type { ExhibitStatus } from "@/lib/contracts/exhibit-status";
import type { AssetMediaType } from "@/lib/contracts/asset-store";
import type { BuildStatus } from "@/lib/contracts/gallery-view";

// The tables as Kysely sees them: one description for both engines. JSON is stored as text on both (written and
// read only by these repositories), times as ISO strings, the edit token's hash as bytes (BLOB / BYTEA).

export interface GalleriesTable {
  id: string;
  title: string;
  goal: string;
  theme: string;
  created_at: string;
  edit_token_hash: Buffer;
  remixed_from: string | null;
}

export interface AssetsTable {
  sha256: string;
  media_type: AssetMediaType;
  bytes: number;
  created_at: string;
}

export interface ExhibitsTable {
  id: string;
  gallery_id: string;
  key: string;
  ord: number;
  title: string;
  description: string;
  prompt: string;
  seed: number;
  status: ExhibitStatus;
  error: string | null;
  placement: string;
  image_sha: string | null;
  model_sha: string | null;
  original_model_sha: string | null;
  height: Generated<number>;
  version: Generated<number>;
  provenance: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface ExhibitVersionsTable {
  exhibit_id: string;
  version: number;
  title: string;
  description: string;
  prompt: string;
  seed: number;
  image_sha: string | null;
  model_sha: string | null;
  original_model_sha: string | null;
  height: number;
  provenance: string;
  created_at: string;
}

export interface BuildsTable {
  id: string;
  gallery_id: string;
  kind: "gallery" | "regenerate" | "swap";
  exhibit_id: string | null;
  status: BuildStatus;
  goal: string;
  budget: string;
  counters: string;
  error: string | null;
  created_at: string;
  updated_at: string;
  heartbeat_at: string | null;
  /** The worker holding the build's lease (PostgreSQL deployments), renewed through heartbeat_at. */
  owner: string | null;
  /** 1 once someone asked to cancel the build: its owner stops it at its next lease renewal (or sooner, signalled). */
  cancel_requested: Generated<number>;
}

export interface BuildEventsTable {
  build_id: string;
  seq: number;
  type: string;
  payload: string;
  at: string;
}

export interface SpaceCallCacheTable {
  key: string;
  space: string;
  endpoint: string;
  outputs: string;
  duration_ms: number;
  created_at: string;
}

export interface GalleryToolsTable {
  gallery_id: string;
  space: string;
  tool: string;
  added_at: string;
}

export interface Schema {
  galleries: GalleriesTable;
  assets: AssetsTable;
  exhibits: ExhibitsTable;
  exhibit_versions: ExhibitVersionsTable;
  builds: BuildsTable;
  build_events: BuildEventsTable;
  space_call_cache: SpaceCallCacheTable;
  gallery_tools: GalleryToolsTable;
}
