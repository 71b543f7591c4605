// A framework-agnostic Gradio-compatible app server (Web Fetch API): mount it in a Next route handler or a
// node:http server and the real @gradio/client / gradio_client talk to it like to a Hugging Face Space.
export { createGradioApp, FAULTS_HEADER } from "./app";
export { GradioError, type GradioErrorOptions } from "./errors";
export { RunArgs, type InputFile } from "./run-args";
export { API_PREFIX, GRADIO_VERSION } from "./config";
export {
  parseFaultSpec,
  formatFaultProfile,
  mergeFaults,
  FaultSpecError,
  MAX_LATENCY_MS,
  type FaultProfile,
} from "./faults";
export { FileStore, defaultFileStoreDir, type FileStoreOptions } from "./files";
export { publicOrigin, splitMountedPath, type MountedPath } from "./mount";
export { outputFile, outputFileUpdate } from "./types";
export { FILE_INPUT_FORMAT } from "./mcp-tools";
export type { McpUrlFetchOptions } from "./mcp-files";
export type {
  ComponentName,
  EndpointDefinition,
  GradioApp,
  GradioAppDefinition,
  GradioAppOptions,
  GradioAppStats,
  OutputFile,
  ParameterDefinition,
  ReturnDefinition,
  RunContext,
  ValueType,
} from "./types";
