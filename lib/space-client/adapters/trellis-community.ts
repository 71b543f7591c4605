import "server-only";
import { apiProblems, type ExpectedEndpoint } from "../api-check";
import { fileRefOf } from "../files";
import { fileExt, pickFile, reResolve } from "./re-resolve";
import type { ModelAdapter } from "./types";

// trellis-community/TRELLIS (ZeroGPU): the community's copy of TRELLIS (v1), kept running where microsoft/TRELLIS
// is not. Its API path is one call on one session: /start_session makes the session's folder, /preprocess_image
// removes the background (the one-call endpoint does not: it runs with preprocess_image=False), then
// /generate_and_extract_glb(image, multiimages, seed, ss_*, slat_*, multiimage_algo, mesh_simplify, texture_size)
// samples and writes the GLB → [preview video, GLB (Model3D), GLB (DownloadButton)]. One ZeroGPU reservation per
// exhibit. The inputs we do not name keep the Space's defaults, fitted to its schema.

const MESH_SIMPLIFY = 0.95;
const TEXTURE_SIZE = 1024;
const MAIN = "/generate_and_extract_glb";

const expected: ExpectedEndpoint[] = [
  { name: "/start_session", params: [], returns: [], optional: true },
  { name: MAIN, params: [{ name: "image", kind: "file" }, { name: "seed", kind: "number" }], returns: [] },
];

export const trellisCommunityAdapter: ModelAdapter = {
  id: "trellis-community",
  capability: "image-to-3d",
  endpoint: MAIN,
  version: 1,
  inputs: (req) => ({ image: req.image.sha256, seed: req.seed, mesh_simplify: MESH_SIMPLIFY, texture_size: TEXTURE_SIZE }),
  bind(endpoints, space) {
    const problems = apiProblems(endpoints, expected);
    // The one-call endpoint renamed or changed: the endpoint judge finds what now does its job.
    const re = problems.length ? reResolve(endpoints, "image-to-3d", space, problems) : null;
    const pre = endpoints["/preprocess_image"];
    const preParam = pre && pre.params.length === 1 && pre.params[0]!.kind === "file" ? pre.params[0]!.name : null;
    return async (s, req) => {
      let image: unknown = await s.sendFile(req.image);
      if (s.endpoints["/start_session"]) await s.call("/start_session", {});
      if (preParam) {
        // A file on the SAME Space and session: passing it back is what the UI does.
        const [processed] = await s.call("/preprocess_image", { [preParam]: image });
        if (processed && typeof processed === "object" && fileRefOf(processed, "http://x")) image = processed;
      }
      if (re) {
        s.note(re.note);
        const out = await s.call(re.fit.endpoint, { ...re.fit.fill(image, { seed: req.seed }), mesh_simplify: MESH_SIMPLIFY, texture_size: TEXTURE_SIZE });
        return { file: pickFile(out, fileExt["image-to-3d"], re.fit.output), endpoint: re.fit.endpoint };
      }
      const out = await s.call(MAIN, { image, multiimages: [], seed: req.seed, mesh_simplify: MESH_SIMPLIFY, texture_size: TEXTURE_SIZE });
      return { file: pickFile(out, fileExt["image-to-3d"], 1) };
    };
  },
};
