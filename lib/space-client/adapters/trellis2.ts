import "server-only";
import { assertApi, type ExpectedEndpoint } from "../api-check";
import { fileRefOf } from "../files";
import type { ModelAdapter } from "./types";

// microsoft/TRELLIS.2 (ZeroGPU, stateful). Its UI is a chain on ONE session: /start_session creates the
// session's working folder, /preprocess_image removes the background, /image_to_3d keeps the latents in the
// session's gr.State (returning only an HTML preview), and /extract_glb reads that state to write the GLB. The
// Space client gives each call its own session (connection.ts fork), so two exhibits never mix their latents.
// What this adapter says is only what a schema cannot: the chain and which output is the model. Every other
// input (all 15 of /image_to_3d: public probes saw it fail opaquely when sent only some) is sent by name with the
// Space's own default, fitted to its sliders (input-fit.ts). Each exhibit holds two ZeroGPU reservations
// (/image_to_3d and /extract_glb are each a @spaces.GPU function): see the README on what a gallery costs.

const RESOLUTION = "1024";
const DECIMATION_TARGET = 300_000; // web-sized meshes: well under the 2 M-vertex validator limit
const TEXTURE_SIZE = 2048;

const expected: ExpectedEndpoint[] = [
  { name: "/start_session", params: [], returns: [], optional: true },
  {
    name: "/image_to_3d",
    params: [
      { name: "image", kind: "file" },
      { name: "seed", kind: "number" },
      // A resolution the Space no longer lists is mapped onto the nearest it does (input-fit.ts).
      { name: "resolution", kind: "enum" },
    ],
    returns: [],
  },
  {
    name: "/extract_glb",
    params: [
      { name: "decimation_target", kind: "number" },
      { name: "texture_size", kind: "number" },
    ],
    returns: ["file"],
  },
];

export const trellis2Adapter: ModelAdapter = {
  id: "trellis2",
  capability: "image-to-3d",
  endpoint: "/image_to_3d+/extract_glb",
  version: 1,
  inputs: (req) => ({
    image: req.image.sha256,
    seed: req.seed,
    resolution: RESOLUTION,
    decimation_target: DECIMATION_TARGET,
    texture_size: TEXTURE_SIZE,
  }),
  bind(endpoints, space) {
    assertApi(space, endpoints, expected);
    // Preprocessing is optional: used when the Space offers it with a single file parameter.
    const pre = endpoints["/preprocess_image"];
    const preParam = pre && pre.params.length === 1 && pre.params[0]!.kind === "file" ? pre.params[0]!.name : null;
    return async (s, req) => {
      // Upload first: it needs no slot on the Space, so it overlaps with the previous exhibit's job.
      let image: unknown = await s.sendFile(req.image);
      if (s.endpoints["/start_session"]) await s.call("/start_session", {});
      if (preParam) {
        // Its output is a file on the SAME Space and session: passing it back is what the UI does.
        const [processed] = await s.call("/preprocess_image", { [preParam]: image });
        if (processed && typeof processed === "object" && fileRefOf(processed, "http://x")) image = processed;
      }
      await s.call("/image_to_3d", { image, seed: req.seed, resolution: RESOLUTION });
      const out = await s.call("/extract_glb", { decimation_target: DECIMATION_TARGET, texture_size: TEXTURE_SIZE });
      // [Model3D, DownloadButton]: both name the same GLB; take the first that holds a file.
      return { file: out.find((v) => fileRefOf(v, "http://x")) ?? out[0] };
    };
  },
};
