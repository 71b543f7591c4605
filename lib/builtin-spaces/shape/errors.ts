import "server-only";

/** Bad input (not an image, too large, no subject): the Space shows the message to the caller as a Gradio error. */
export class ReconstructInputError extends Error {
  override name = "ReconstructInputError";
}
