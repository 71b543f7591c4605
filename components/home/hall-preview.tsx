"use client";

import dynamic from "next/dynamic";

// three.js needs a browser: the canvas is never rendered on the server.
const EmptyHall = dynamic(() => import("@/components/hall/empty-hall").then((m) => m.EmptyHall), {
  ssr: false,
  loading: () => <p style={{ padding: "1rem" }}>Opening the hall…</p>,
});

export function HallPreview() {
  return <EmptyHall />;
}
