"use client";
// A small read-only window onto the running scene for end-to-end tests and benchmarks:
// window.__vernissage.drawCalls(), readyCount(), camera()… (see VernissageProbe).
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useRef } from "react";

export interface VernissageProbe {
  /** Draw calls of the last rendered frame. */
  drawCalls(): number;
  triangles(): number;
  /** Frames rendered since the scene mounted (the loop only runs when something changes). */
  frames(): number;
  /** Exhibits whose model is in the scene. */
  readyCount(): number;
  /** Exhibits that have a model to show (status "ready" with a model URL). */
  expectedCount(): number;
  /** Exhibits whose model failed to load in the browser. */
  failedCount(): number;
  camera(): { position: [number, number, number]; yaw: number; pitch: number };
  /** Renders continuously for `ms` and reports frames per second. */
  measureFps(ms?: number): Promise<number>;
  /** Renders `n` more frames (requesting each), then resolves: waits counted in frames, not time. */
  renderFrames(n: number): Promise<void>;
  /** The running tour: the stop it is at or flying to, and seconds dwelt there (frozen while paused). */
  tour(): ProbeTour | null;
}

export interface ProbeTour {
  index: number;
  id: string | null;
  count: number;
  paused: boolean;
  arrived: boolean;
  dwelt: number;
}

declare global {
  interface Window {
    __vernissage?: VernissageProbe;
  }
}

interface SceneProbeProps {
  counts(): { ready: number; expected: number; failed: number };
  tour(): ProbeTour | null;
}

export function SceneProbe({ counts, tour }: SceneProbeProps) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const frames = useRef(0);
  const busyUntil = useRef(0);
  const framesWanted = useRef(0);

  useFrame(() => {
    frames.current++;
    if (performance.now() < busyUntil.current || frames.current < framesWanted.current) invalidate();
  });

  useEffect(() => {
    const probe: VernissageProbe = {
      drawCalls: () => gl.info.render.calls,
      triangles: () => gl.info.render.triangles,
      frames: () => frames.current,
      readyCount: () => counts().ready,
      expectedCount: () => counts().expected,
      failedCount: () => counts().failed,
      camera: () => ({ position: camera.position.toArray() as [number, number, number], yaw: camera.rotation.y, pitch: camera.rotation.x }),
      measureFps: (ms = 3000) =>
        new Promise((resolve) => {
          const start = frames.current;
          const t0 = performance.now();
          busyUntil.current = t0 + ms;
          invalidate();
          setTimeout(() => resolve(((frames.current - start) * 1000) / (performance.now() - t0)), ms);
        }),
      renderFrames: (n) =>
        new Promise((resolve) => {
          const until = frames.current + n;
          framesWanted.current = Math.max(framesWanted.current, until);
          invalidate();
          const check = () => (frames.current >= until ? resolve() : requestAnimationFrame(check));
          check();
        }),
      tour,
    };
    window.__vernissage = probe;
    return () => {
      if (window.__vernissage === probe) delete window.__vernissage;
    };
  }, [gl, camera, invalidate, counts, tour]);
  return null;
}
