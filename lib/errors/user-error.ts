/** An error whose message is written for the person using the app: server actions show it as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
