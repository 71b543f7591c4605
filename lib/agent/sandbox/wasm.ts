import "server-only";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import variant from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant, newVariant, type CustomizeVariantOptions, type QuickJSWASMModule } from "quickjs-emscripten-core";

type EmscriptenModuleLoaderOptions = NonNullable<CustomizeVariantOptions["emscriptenModule"]>;

// Each sandbox gets its own WebAssembly instance with its own capped Memory: `setMemoryLimit` alone does not
// bound what the wasm heap grows to (see docs/spec), and a dropped instance takes all of its state with it.
// The compiled module is shared, so a fresh instance costs an instantiation, not a compilation.

const WASM_SPECIFIER = "@jitl/quickjs-wasmfile-release-sync/wasm";
const PAGE_BYTES = 64 * 1024;

function resolveWasmPath(): string {
  // Resolve from the project root first: bundlers rewrite import.meta.url, but node_modules stays put.
  const bases = [path.join(process.cwd(), "package.json"), import.meta.url];
  let lastError: unknown;
  for (const base of bases) {
    try {
      return createRequire(base).resolve(WASM_SPECIFIER);
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`Cannot locate the QuickJS wasm file (${WASM_SPECIFIER}): ${String(lastError)}`);
}

let compiled: Promise<WebAssembly.Module> | null = null;

function compiledModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(/*turbopackIgnore: true*/ resolveWasmPath()).then((bytes) => WebAssembly.compile(bytes));
  // A failed read must not be cached forever: the next sandbox tries again.
  compiled.catch(() => {
    compiled = null;
  });
  return compiled;
}

export interface IsolatedModule {
  module: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  maxBytes: number;
}

/** A fresh QuickJS wasm instance whose linear memory can never grow past `memoryMiB`. */
export async function newIsolatedModule(memoryMiB: number): Promise<IsolatedModule> {
  const wasmModule = await compiledModule();
  const maxPages = Math.max(256, Math.floor((memoryMiB * 1024 * 1024) / PAGE_BYTES));
  // The release build declares 16 MiB (256 pages) as its initial heap, so that is also the smallest cap.
  const memory = new WebAssembly.Memory({ initial: 256, maximum: maxPages });
  const quickjs = await newQuickJSWASMModuleFromVariant(
    newVariant(variant, {
      wasmModule,
      wasmMemory: memory,
      // An instance that aborts (a poisoned one being freed) would print "Aborted(…)" to stderr; it is
      // dropped anyway, so its console stays quiet. (print/printErr are standard Emscripten module fields.)
      emscriptenModule: { print: () => {}, printErr: () => {} } as EmscriptenModuleLoaderOptions,
    }),
  );
  return { module: quickjs, memory, maxBytes: maxPages * PAGE_BYTES };
}
