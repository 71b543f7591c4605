import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { config, ConfigError, configNames, configValue, configVariables, readConfig, type ConfigName } from "./config";

const ROOT = path.resolve(__dirname, "../..");

/** The table rows (after the header and its rule) of the first table under `heading` in README.md. */
function readmeTable(heading: string): string[] {
  const lines = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n");
  const at = lines.indexOf(heading);
  expect(at, `README.md has a "${heading}" heading`).toBeGreaterThanOrEqual(0);
  const start = lines.findIndex((l, i) => i > at && l.startsWith("|"));
  const rows: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith("|"); i++) rows.push(lines[i]!);
  return rows;
}

function rowsOf(internal: boolean): string[] {
  return configNames
    .filter((name) => Boolean((configVariables[name] as { internal?: true }).internal) === internal)
    .map((name) => `| \`${name}\` | ${configVariables[name].meaning} | ${configVariables[name].default} |`);
}

describe("the README's configuration tables", () => {
  it("list every variable the app reads, in the config's order, with its meaning and default", () => {
    expect(readmeTable("## Configuration")).toEqual(rowsOf(false));
    expect(readmeTable("### Set by the tests and benchmarks")).toEqual(rowsOf(true));
  });

  it("state the defaults this module owns", () => {
    const unset = readConfig({});
    for (const name of configNames) {
      const variable = configVariables[name] as { fallback?: unknown; default: string };
      if (variable.fallback === undefined) expect(unset[name], name).toBeUndefined();
      else {
        expect(unset[name], name).toBe(variable.fallback);
        expect(variable.default.replaceAll("`", ""), name).toBe(String(variable.fallback));
      }
    }
  });
});

describe("every environment read goes through the config module", () => {
  // Next's own variables (which runtime, which phase, dev or production) are not the app's configuration.
  const NEXT_OWN = new Set(["NEXT_RUNTIME", "NEXT_PHASE", "NODE_ENV"]);

  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "testing" || e.name === "node_modules" ? [] : sources(p);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
    });
  }

  it("outside lib/platform/config.ts only Next's own variables are read from process.env", () => {
    const files = [...sources(path.join(ROOT, "lib")), ...sources(path.join(ROOT, "app")), path.join(ROOT, "instrumentation.ts"), path.join(ROOT, "proxy.ts")];
    const reads: string[] = [];
    for (const file of files) {
      if (file === path.join(ROOT, "lib/platform/config.ts")) continue;
      for (const m of fs.readFileSync(file, "utf8").matchAll(/process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*))?/g)) {
        if (!m[1] || !NEXT_OWN.has(m[1])) reads.push(`${path.relative(ROOT, file)}: ${m[0]}`);
      }
    }
    expect(reads).toEqual([]);
  });
});

describe("readConfig", () => {
  it("treats empty and blank values as unset and trims the rest", () => {
    const c = readConfig({ HF_TOKEN: "  hf_x  ", AGENT_MODEL: "", DATA_DIR: "   ", PORT: " 4100 " });
    expect(c.HF_TOKEN).toBe("hf_x");
    expect(c.AGENT_MODEL).toBeUndefined();
    expect(c.DATA_DIR).toBe("./data");
    expect(c.PORT).toBe(4100);
    expect(c.warnings).toEqual([]);
  });

  it("parses numbers, lists, assignments and the planner", () => {
    const c = readConfig({
      BUILD_MAX_STEPS: "5",
      BUILD_MAX_MINUTES: "0.5",
      SPACES_IMAGE_TO_3D: " shape-3d , microsoft/TRELLIS.2,",
      SPACES_ALLOWED_HOSTS: "Gradio.Example.org",
      SPACE_CONCURRENCY: "Shape-3d=2, microsoft/TRELLIS.2=1",
      SPACE_TIMEOUTS: "image-to-3d=600,text-to-image=7.5",
      AGENT_PLANNER: "LLM",
    });
    expect(c.BUILD_MAX_STEPS).toBe(5);
    expect(c.BUILD_MAX_MINUTES).toBe(0.5);
    expect(c.SPACES_IMAGE_TO_3D).toEqual(["shape-3d", "microsoft/TRELLIS.2"]);
    expect(c.SPACES_ALLOWED_HOSTS).toEqual(["gradio.example.org"]);
    expect(c.SPACE_CONCURRENCY).toEqual({ "shape-3d": 2, "microsoft/trellis.2": 1 });
    expect(c.SPACE_TIMEOUTS).toEqual({ "image-to-3d": 600, "text-to-image": 7.5 });
    expect(c.AGENT_PLANNER).toBe("llm");
    expect(c.warnings).toEqual([]);
  });

  it("ignores a bad value of a tuning variable with a warning that names it", () => {
    const c = readConfig({ SPACE_RETRIES: "99", MODEL_WORKERS: "two", PORT: "http", BUILTIN_SPACES_URL: "ftp://x.org" });
    expect(c.SPACE_RETRIES).toBeUndefined();
    expect(c.MODEL_WORKERS).toBeUndefined();
    expect(c.PORT).toBe(3000);
    expect(c.BUILTIN_SPACES_URL).toBeUndefined();
    expect(c.warnings).toEqual([
      { variable: "SPACE_RETRIES", message: 'SPACE_RETRIES must be a whole number from 0 to 10, not "99" (ignored)' },
      { variable: "MODEL_WORKERS", message: 'MODEL_WORKERS must be a whole number from 1 to 16, not "two" (ignored)' },
      { variable: "PORT", message: 'PORT must be a whole number from 1 to 65535, not "http" (ignored)' },
      { variable: "BUILTIN_SPACES_URL", message: 'BUILTIN_SPACES_URL must be an http or https URL, not "ftp://x.org" (ignored)' },
    ]);
  });

  it("keeps the readable pairs of an assignment list and names the others", () => {
    const c = readConfig({ SPACE_CONCURRENCY: "shape-3d=2,bad,=3,microsoft/TRELLIS.2=0,x=65", SPACE_TIMEOUTS: "custom=0,image-to-3d=3601,text-to-image=30" });
    expect(c.SPACE_CONCURRENCY).toEqual({ "shape-3d": 2 });
    expect(c.SPACE_TIMEOUTS).toEqual({ "text-to-image": 30 });
    expect(c.warnings.map((w) => w.message)).toEqual([
      'SPACE_CONCURRENCY: cannot read "bad" (ignored)',
      'SPACE_CONCURRENCY: cannot read "=3" (ignored)',
      'SPACE_CONCURRENCY: cannot read "microsoft/TRELLIS.2=0" (ignored)',
      'SPACE_CONCURRENCY: cannot read "x=65" (ignored)',
      'SPACE_TIMEOUTS: cannot read "custom=0" (ignored)',
      'SPACE_TIMEOUTS: cannot read "image-to-3d=3601" (ignored)',
    ]);
  });

  it("throws a bad budget or planner from whatever reads it, naming the variable, and from nothing else", () => {
    const c = readConfig({ BUILD_MAX_STEPS: "0", BUILD_MAX_MINUTES: "forever", AGENT_PLANNER: "gpt", DATA_DIR: "/srv/data" });
    expect(() => c.BUILD_MAX_STEPS).toThrow('BUILD_MAX_STEPS must be a whole number from 1 to 50, not "0"');
    expect(() => c.BUILD_MAX_MINUTES).toThrow('BUILD_MAX_MINUTES must be a number from 0.1 to 240, not "forever"');
    expect(() => c.AGENT_PLANNER).toThrow(ConfigError);
    expect(() => c.AGENT_PLANNER).toThrow(/AGENT_PLANNER must be "offline" or "llm", not "gpt"/);
    expect(c.DATA_DIR).toBe("/srv/data");
    expect(c.BUILD_MAX_TOOL_CALLS).toBeUndefined();
    expect(c.warnings).toEqual([]);
  });
});

describe("config", () => {
  const touched = new Map<ConfigName, string | undefined>();
  const setEnv = (name: ConfigName, value: string | undefined) => {
    if (!touched.has(name)) touched.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  afterEach(() => {
    for (const [name, value] of touched) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    touched.clear();
  });

  it("reads process.env, once per distinct environment, and sees a change at once", () => {
    setEnv("DATA_DIR", "/tmp/one");
    const first = config();
    expect(first.DATA_DIR).toBe("/tmp/one");
    expect(config()).toBe(first);
    setEnv("DATA_DIR", "/tmp/two");
    expect(config().DATA_DIR).toBe("/tmp/two");
    setEnv("DATA_DIR", undefined);
    expect(config().DATA_DIR).toBe("./data");
  });

  it("reads one variable alone, with the same parse and the same change detection", () => {
    setEnv("DATA_DIR", "/tmp/one");
    expect(configValue("DATA_DIR")).toBe("/tmp/one");
    setEnv("DATA_DIR", "");
    expect(configValue("DATA_DIR")).toBe("./data");
    setEnv("BUILD_MAX_STEPS", "3");
    expect(configValue("BUILD_MAX_STEPS")).toBe(3);
    setEnv("BUILD_MAX_STEPS", "none");
    expect(() => configValue("BUILD_MAX_STEPS")).toThrow(/BUILD_MAX_STEPS must be/);
  });
});
