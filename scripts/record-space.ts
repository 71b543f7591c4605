// npm run record-space -- <space id | URL> [--endpoint /name] [--before /start_session,/preprocess_image]
//                          [--data '{"param": value}'] [--image picture.png] [--out folder] [--name owner/space]
//
// Records a Space's real /config, /gradio_api/info and one call into the fixture layout
// (lib/space-client/fixtures/README.md), so the replay tests can be refreshed from the real thing. Needs the
// network; HF_TOKEN (read through lib/platform/config.ts) is sent to Hugging Face hosts, so a ZeroGPU call
// spends its quota. Run through tsx with bench/tsconfig.json, whose paths map `server-only` to the shim that
// lets server modules run outside Next.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { config } from "@/lib/platform/config";
import { recordSpace } from "@/lib/space-client/testing/record-space";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    endpoint: { type: "string" },
    before: { type: "string" },
    data: { type: "string" },
    image: { type: "string" },
    out: { type: "string" },
    name: { type: "string" },
  },
});

const target = positionals[0];
if (!target) {
  console.error("usage: npm run record-space -- <space id | URL> [--endpoint /name] [--before /a,/b] [--data JSON] [--image file.png] [--out folder] [--name owner/space]");
  process.exit(2);
}

let data: Record<string, unknown> | undefined;
try {
  data = values.data ? (JSON.parse(values.data) as Record<string, unknown>) : undefined;
} catch (e) {
  console.error(`--data is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}

const token = config().HF_TOKEN;
recordSpace({
  target,
  ...(token ? { token } : {}),
  ...(values.endpoint ? { endpoint: values.endpoint } : {}),
  ...(values.before ? { before: values.before.split(",").map((b) => b.trim()).filter(Boolean) } : {}),
  ...(data ? { data } : {}),
  ...(values.image ? { image: readFileSync(values.image) } : {}),
  ...(values.out ? { out: values.out } : {}),
  ...(values.name ? { space: values.name } : {}),
  log: (line) => console.log(line),
}).then(
  (r) => console.log(`recorded ${r.endpoint} (${r.messages} messages, ${Object.keys(r.files).length} files) into ${r.out}`),
  (e: unknown) => {
    console.error(`record-space: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
