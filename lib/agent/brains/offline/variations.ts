import type { Subject } from "./subject";

// Variations on a subject the planner knows nothing about ("lighthouses", "Leuchttürme"): without a model it
// cannot name kinds or famous examples, but it can show the subject as different eras and traditions of
// making have shaped such objects. Each title says which, and each description says only that: modest, and
// true of any subject. Looks avoid the style vocabulary (lib/landmarks/styles.ts) so a variation never adds
// a style the visitor did not ask for.

interface Treatment {
  /** Title words before the subject. */
  title: string;
  /** What the picture shows, after the subject's name. */
  look: string;
  /** The description's clause: "… shaped …". */
  note: string;
}

const TREATMENTS: Treatment[] = [
  { title: "Classic", look: "in its classic, most recognisable form", note: "in its classic, most recognisable form" },
  { title: "Art Deco", look: "Art Deco design, streamlined stepped geometric forms", note: "as Art Deco designers of the 1920s and 1930s might have shaped it: streamlined, stepped and geometric" },
  { title: "Art Nouveau", look: "Art Nouveau design, flowing organic curves and whiplash lines", note: "in the manner of Art Nouveau around 1900: flowing lines and plant-like curves" },
  { title: "Baroque", look: "Baroque design, ornate scrolls and dramatic curves", note: "as the Baroque might have imagined it: ornate, curving and theatrical" },
  { title: "Folk-Art", look: "folk art carving, simple bold shapes and painted patterns", note: "as a folk-art carving: simple bold shapes and painted patterns" },
  { title: "Futuristic", look: "futuristic design, sleek seamless shapes", note: "imagined as a futuristic design: sleek and seamless" },
  { title: "Toy", look: "as a vintage toy, rounded chunky proportions", note: "as a vintage toy, with rounded, chunky proportions" },
  { title: "Origami", look: "folded paper origami, crisp creases", note: "folded as origami from a single sheet of paper" },
  { title: "Minimalist", look: "minimalist design, pure simple volumes", note: "reduced to pure, simple volumes in a minimalist spirit" },
  { title: "Victorian", look: "Victorian design, intricate ornament and fine detail", note: "as the Victorians might have made it: intricate and richly ornamented" },
  { title: "Ancient", look: "as an ancient artefact, weathered and simplified", note: "as an ancient artefact might show it: simplified and weathered by time" },
  { title: "Monumental", look: "as a monumental public sculpture on a plinth", note: "as a monumental public sculpture on a plinth" },
];

/** "lighthouses" → "lighthouse", "butterflies" → "butterfly"; words it cannot read are kept as they are. */
export function singular(phrase: string): string {
  const words = phrase.split(/\s+/);
  const last = words.pop() ?? "";
  const lower = last.toLowerCase();
  let one = last;
  if (/[^aeiou]ies$/.test(lower)) one = `${last.slice(0, -3)}y`;
  else if (/(?:ches|shes|sses|xes|zes)$/.test(lower)) one = last.slice(0, -2);
  else if (/[^su]s$/.test(lower) && lower.length > 3) one = last.slice(0, -1);
  return [...words, one].join(" ");
}

/** Twelve distinct, honestly titled variations of a topic. */
export function variationsOf(topic: string): Subject[] {
  const one = singular(topic.trim());
  const title = one.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const lower = /^\p{Lu}\p{Ll}/u.test(one) && one.split(/\s+/).length === 1 ? one : one.toLowerCase();
  return TREATMENTS.map((t) => ({
    name: `${t.title} ${title}`,
    look: `${lower}, ${t.look}`,
    note: `${/^[aeiou]/i.test(lower) ? "An" : "A"} ${lower} ${t.note}.`,
  }));
}
