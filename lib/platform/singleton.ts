// Process-wide values. Next evaluates a server module once per route bundle that imports it (and again on
// every dev reload), so a plain module-level `const` would give the database, the worker pools, the Space
// client's breakers and limiters, and the live bus one copy per bundle. These keep one per process, on
// globalThis under a registered symbol.

function slot<T>(): { [key: symbol]: T | undefined } {
  return globalThis as unknown as { [key: symbol]: T | undefined };
}

/** The value registered under `name`, created by `create` on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`vernissage.${name}`);
  const holder = slot<T>();
  if (holder[key] === undefined) holder[key] = create();
  return holder[key] as T;
}

/** Forgets the value under `name` and returns it (so the caller can close it); the next use creates anew. */
export function dropProcessSingleton<T>(name: string): T | undefined {
  const key = Symbol.for(`vernissage.${name}`);
  const holder = slot<T>();
  const value = holder[key];
  delete holder[key];
  return value;
}

/** Puts `value` under `name` (tests swap in an instrumented one); undefined forgets it. */
export function replaceProcessSingleton<T>(name: string, value: T | undefined): void {
  const key = Symbol.for(`vernissage.${name}`);
  const holder = slot<T>();
  if (value === undefined) delete holder[key];
  else holder[key] = value;
}

/** The value under `name`, if one was made. */
export function peekProcessSingleton<T>(name: string): T | undefined {
  return slot<T>()[Symbol.for(`vernissage.${name}`)];
}
