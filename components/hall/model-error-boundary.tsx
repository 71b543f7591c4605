"use client";
// Catches a model that fails to download or parse, so one broken exhibit never takes the gallery down.
import { Component, useEffect, type ReactNode } from "react";

/**
 * Errors this boundary has handled. R3F reports errors caught inside the canvas with `reportError` (its React
 * root's onCaughtError), which surfaces a handled load failure as an uncaught page error; the hook below stops
 * exactly those, and nothing else.
 */
const handled = new WeakSet<object>();

export function useSilenceHandledModelErrors() {
  useEffect(() => {
    const onError = (e: ErrorEvent) => {
      if (typeof e.error === "object" && e.error !== null && handled.has(e.error)) e.preventDefault();
    };
    window.addEventListener("error", onError);
    return () => window.removeEventListener("error", onError);
  }, []);
}

interface Props {
  onError(message: string): void;
  fallback: ReactNode;
  children: ReactNode;
}

export class ModelErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(error: unknown) {
    if (typeof error === "object" && error !== null) handled.add(error);
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    this.props.onError(describeLoadError(error));
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** Loader errors are often ProgressEvents or fetch Responses rather than Errors: say something a person can use. */
export function describeLoadError(error: unknown): string {
  // R3F's loader wraps the cause as "Could not load <url>: <cause>"; the URL is noise on a plaque.
  if (error instanceof Error) return error.message.replace(/^Could not load \S+: /, "") || error.name;
  if (typeof error === "object" && error !== null) {
    const e = error as { status?: number; statusText?: string; type?: string; target?: { status?: number } };
    if (typeof e.status === "number") return `HTTP ${e.status}${e.statusText ? ` ${e.statusText}` : ""}`;
    if (typeof e.target?.status === "number" && e.target.status > 0) return `HTTP ${e.target.status}`;
    if (e.type === "error") return "network error";
  }
  return String(error);
}
