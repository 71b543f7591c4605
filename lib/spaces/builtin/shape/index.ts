import "server-only";

export { reconstructModel, ReconstructInputError, MODEL_SIZE, type ReconstructStats } from "./reconstruct";
