// Preparing models for the web: prepareModel for serving, inspectGlb for the info panel and bench,
// validateGlb for checking what a Space returned.
export { prepareModel, DEFAULT_TARGET_HEIGHT, type PrepareOptions, type PreparedModel, type PrepareStats } from "./prepare";
export { inspectGlb, type ModelInspection } from "./inspect";
export { validateGlb, type GlbValidation } from "./validate";
export { ModelError } from "./io";
export { detectUpAxis, type UpAxis } from "./normalize";
