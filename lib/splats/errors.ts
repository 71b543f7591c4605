/** A splat refused by reading or validation; the message says why, in words a person (or the agent) can act on. */
export class InvalidSplatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidSplatError";
  }
}
