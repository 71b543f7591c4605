"use client";
// The museum label on the front of a plinth, drawn on a canvas with the system's serif font (no font download).
import { useEffect, useMemo } from "react";
import * as THREE from "three";
import type { Footprint } from "@/lib/layout/layout";
import { createCanvas } from "./textures/canvas";
import { wrapText, type PlaqueContent } from "./plaque-text";

const W = 512;
const H = 192;
const SERIF = 'Georgia, "DejaVu Serif", "Times New Roman", serif';
const TONES = {
  normal: { card: "#f3ede1", edge: "#b89a5e", title: "#1d1712", body: "#4a3f35" },
  pending: { card: "#e9e4da", edge: "#9a8f80", title: "#2c2620", body: "#7a5b1e" },
  error: { card: "#7d1f1a", edge: "#e3b0a4", title: "#fff4ef", body: "#ffd9cf" },
} as const;

function drawPlaque({ title, body, tone }: PlaqueContent): THREE.CanvasTexture {
  const { canvas, ctx } = createCanvas(W, H);
  const t = TONES[tone];
  ctx.fillStyle = t.card;
  ctx.fillRect(0, 0, W, H);
  ctx.strokeStyle = t.edge;
  ctx.lineWidth = 6;
  ctx.strokeRect(3, 3, W - 6, H - 6);
  ctx.lineWidth = 1.5;
  ctx.strokeRect(13, 13, W - 26, H - 26);
  const pad = 30;
  const width = W - 2 * pad;
  ctx.fillStyle = t.title;
  ctx.textBaseline = "top";
  ctx.font = `600 36px ${SERIF}`;
  const titleLines = wrapText(title, width, body ? 2 : 3, (s) => ctx.measureText(s).width);
  let y = 28;
  for (const line of titleLines) {
    ctx.fillText(line, pad, y);
    y += 42;
  }
  if (body) {
    ctx.fillStyle = t.body;
    ctx.font = `italic 24px ${SERIF}`;
    y += 4;
    const room = Math.max(1, Math.floor((H - 22 - y) / 29));
    for (const line of wrapText(body, width, room, (s) => ctx.measureText(s).width)) {
      ctx.fillText(line, pad, y);
      y += 29;
    }
  }
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.anisotropy = 4;
  return texture;
}

const geometry = new THREE.PlaneGeometry(1, H / W);

/** Leaning on the plinth's front face, near its top. */
export function Plaque({ content, footprint }: { content: PlaqueContent; footprint: Footprint }) {
  const { title, body, tone } = content;
  const material = useMemo(() => {
    const map = drawPlaque({ title, body, tone });
    // A little self-light keeps the label readable on the plinth's shaded side.
    return new THREE.MeshStandardMaterial({ map, emissiveMap: map, emissive: "#ffffff", emissiveIntensity: 0.35, roughness: 0.8 });
  }, [title, body, tone]);
  useEffect(
    () => () => {
      material.map?.dispose();
      material.dispose();
    },
    [material],
  );
  const width = Math.min(0.56, footprint.plinthSide * 0.8);
  const height = (width * H) / W;
  const y = Math.max(height / 2 + 0.06, footprint.plinthHeight - 0.05 - height / 2);
  return (
    <mesh
      geometry={geometry}
      material={material}
      scale={[width, width, 1]}
      position={[0, y, footprint.plinthSide / 2 + 0.004]}
    />
  );
}
