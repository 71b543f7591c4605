// The JavaScript the offline brain writes: the same shape a good model writes from the system prompt
// (all exhibits in parallel, each chain with its own error handling, weak pictures redrawn with another
// seed), adapted to the tools this build actually has.

export interface CodeOptions {
  /** Tool names available in the sandbox. */
  tools: string[];
}

export function buildGalleryCode({ tools }: CodeOptions): string {
  const has = (name: string) => tools.includes(name);
  const lines: string[] = [];
  lines.push(
    "// Each exhibit runs its own chain (draw → check → model → place) at the same time as the others;",
    "// Promise.allSettled keeps one failed exhibit from stopping the rest.",
  );
  if (has("inspect_image")) {
    lines.push(
      "// Thresholds from inspect_image's description: blurry below ~20; nearly empty below 5 % unless the subject spans",
      "// half the picture (a slender tower); busy border below 0.8.",
      "const QUALITY = { minSharpness: 20, minCoverage: 0.05, minExtent: 0.5, maxCoverage: 0.95, minBackground: 0.8 };",
      "const weak = (q) =>",
      "  q.sharpness < QUALITY.minSharpness || (q.coverage < QUALITY.minCoverage && Number(q.extent ?? 0) < QUALITY.minExtent) ||",
      "  q.coverage > QUALITY.maxCoverage || Number(q.background_clean) < QUALITY.minBackground;",
      "",
      "async function drawExhibit(ex) {",
      "  let image = await generate_image({ exhibit: ex.key, prompt: ex.prompt, seed: ex.seed });",
      "  for (let retry = 1; retry <= 2; retry++) {",
      "    let quality;",
      "    try {",
      "      quality = await inspect_image({ image });",
      "    } catch (error) {",
      "      console.log(`${ex.key}: could not inspect the picture (${error.message}), keeping it`);",
      "      break;",
      "    }",
      "    if (!weak(quality)) break;",
      "    console.log(`${ex.key}: weak picture (sharpness ${quality.sharpness}, coverage ${quality.coverage}), drawing again`);",
      "    try {",
      "      image = await generate_image({ exhibit: ex.key, prompt: ex.prompt, seed: (ex.seed + 1000 * retry) % 2147483647 });",
      "    } catch (error) {",
      "      console.log(`${ex.key}: redraw failed (${error.message}), keeping the first picture`);",
      "      break;",
      "    }",
      "  }",
      "  return image;",
      "}",
    );
  } else {
    lines.push(
      "async function drawExhibit(ex) {",
      "  return generate_image({ exhibit: ex.key, prompt: ex.prompt, seed: ex.seed });",
      "}",
    );
  }
  lines.push(
    "",
    "async function buildExhibit(ex) {",
    "  const image = await drawExhibit(ex);",
    ...(has("image_to_splat")
      ? [
          "  // The plan says what each exhibit is made as: a Gaussian splat, or a mesh (the default).",
          "  const model = ex.kind === \"splat\"",
          "    ? await image_to_splat({ exhibit: ex.key, image, seed: ex.seed })",
          "    : await image_to_3d({ exhibit: ex.key, image, seed: ex.seed });",
        ]
      : ["  const model = await image_to_3d({ exhibit: ex.key, image, seed: ex.seed });"]),
    "  const placed = await place_exhibit({ exhibit: ex.key, title: ex.title, description: ex.description, image, model });",
    "  return placed.id;",
    "}",
    "",
    "const outcomes = await Promise.allSettled(plan.exhibits.map(buildExhibit));",
    "const placed = [];",
    "const failed = [];",
    "outcomes.forEach((outcome, i) => {",
    "  const ex = plan.exhibits[i];",
    "  if (outcome.status === \"fulfilled\") placed.push(ex.title);",
    "  else failed.push(`${ex.title} (${outcome.reason?.message ?? outcome.reason})`);",
    "});",
    "console.log(`placed ${placed.length} of ${plan.exhibits.length}`);",
    "for (const f of failed) console.log(`failed: ${f}`);",
    "",
    "const summary =",
    "  failed.length === 0",
    "    ? placed.length === 1",
    "      ? `The exhibit of \"${plan.title}\" is in place: ${placed[0]}.`",
    "      : `All ${placed.length} exhibits of \"${plan.title}\" are in place: ${placed.join(\", \")}.`",
    "    : placed.length === 0",
    "      ? `No exhibit could be built. ${failed.join(\"; \")}.`",
    "      : `Placed ${placed.length} of ${plan.exhibits.length} exhibits of \"${plan.title}\": ${placed.join(\", \")}. Could not build: ${failed.join(\"; \")}.`;",
    "await final_answer({ summary });",
    "summary",
  );
  return lines.join("\n");
}

/** A last step that only reports: used when an earlier step failed before calling final_answer. */
export function finishCode(summary: string): string {
  return [
    "// The build step did not reach final_answer; report what is in the hall now.",
    `await final_answer({ summary: ${JSON.stringify(summary)} });`,
  ].join("\n");
}
