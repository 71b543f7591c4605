import Link from "next/link";

export default function NotFound() {
  return (
    <main style={{ padding: "3rem 1.5rem", maxWidth: "40rem" }}>
      <h1 style={{ fontFamily: "var(--serif)" }}>Nothing hangs here</h1>
      <p>This gallery does not exist, or its link is mistyped. Links are long and exact: check that it was copied whole.</p>
      <p>
        <Link href="/">Build a new gallery</Link>
      </p>
    </main>
  );
}
