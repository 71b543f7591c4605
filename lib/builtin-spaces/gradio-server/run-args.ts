// The checked arguments one call hands to an endpoint's `run` (args.ts builds them from the wire). A module of
// its own so the app's types (types.ts) can name RunArgs without importing the parsing that needs them.

export interface InputFile {
  kind: "input-file";
  /** Real path inside the Space's file store. */
  path: string;
  /** The caller's file name (orig_name), or the stored name. */
  name: string;
  size: number;
  read(): Promise<Buffer>;
}

export type ArgValue = string | number | boolean | null | InputFile;

/** The arguments of one call, by parameter name, with typed getters (a wrong getter is a programming error). */
export class RunArgs {
  constructor(private readonly values: ReadonlyMap<string, ArgValue>) {}

  private get(name: string): ArgValue {
    if (!this.values.has(name)) throw new Error(`No parameter named "${name}"`);
    return this.values.get(name) as ArgValue;
  }
  private typed<T extends ArgValue>(name: string, what: string, is: (v: ArgValue) => v is T): T {
    const v = this.get(name);
    if (!is(v)) throw new Error(`Parameter "${name}" is not ${what}`);
    return v;
  }
  string(name: string): string {
    return this.typed(name, "a string", (v) => typeof v === "string");
  }
  number(name: string): number {
    return this.typed(name, "a number", (v) => typeof v === "number");
  }
  boolean(name: string): boolean {
    return this.typed(name, "a boolean", (v) => typeof v === "boolean");
  }
  file(name: string): InputFile {
    return this.typed(name, "a file", (v) => typeof v === "object" && v !== null);
  }
  /** Optional values (a parameter whose default is null). */
  optional(name: string): ArgValue {
    return this.get(name);
  }
}
