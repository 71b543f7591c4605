// Types for headers.mjs (plain JavaScript so that next.config.mjs can load it without a compiler).
export interface HeaderEntry {
  key: string;
  value: string;
}
export interface HeaderRule {
  source: string;
  headers: HeaderEntry[];
}
export function pageCsp(options?: { nonce?: string | null; frameAncestors?: string; dev?: boolean; assetOrigin?: string | null }): string;
export const API_CSP: string;
export const ASSET_CSP: string;
export function frameAncestorsFor(pathname: string): string;
export const EMBED_PATH: RegExp;
export const PERMISSIONS_POLICY: string;
export const BASE_HEADERS: HeaderEntry[];
export function headerRules(options?: { dev?: boolean }): HeaderRule[];
