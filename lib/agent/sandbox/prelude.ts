// Guest-side setup, evaluated once in every fresh context before any model code.
// It receives two host functions (a log sink and a tool dispatcher) as arguments and keeps them in a closure:
// nothing host-made is reachable from globalThis except the tool stubs and console, which only ever pass
// strings across. It captures JSON, Object and Function helpers first, so model code that overwrites
// `JSON.parse` or `Object.keys` can only confuse itself, never the host's bookkeeping.
//
// Returns { renderResult, describeError, snapshot, restore } for the host to call.

export const PRELUDE_SOURCE = String.raw`
(function (hostLog, hostCall, toolNames, maxLine) {
  "use strict";
  const G = globalThis;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const getOwnNames = Object.getOwnPropertyNames;
  const getDesc = Object.getOwnPropertyDescriptor;
  const defineProp = Object.defineProperty;
  const fnToString = Function.prototype.toString;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const indirectEval = G.eval;

  function cut(s, max) {
    return s.length > max ? s.slice(0, max) + "… [" + (s.length - max) + " more characters]" : s;
  }

  function render(v) {
    if (typeof v === "string") return v;
    if (v === undefined) return "undefined";
    if (typeof v === "function") return "[Function " + (v.name || "anonymous") + "]";
    if (typeof v === "bigint") return String(v) + "n";
    if (typeof v === "symbol") return String(v);
    if (v instanceof ErrorCtor) return v.name + ": " + v.message;
    if (v && typeof v.then === "function") return "[Promise] (did you forget await?)";
    const seen = [];
    try {
      const s = stringify(v, function (key, value) {
        if (typeof value === "bigint") return String(value) + "n";
        if (typeof value === "function") return "[Function " + (value.name || "anonymous") + "]";
        if (value === undefined) return value;
        if (value instanceof ErrorCtor) return value.name + ": " + value.message;
        if (value && typeof value === "object") {
          if (seen.indexOf(value) >= 0) return "[Circular]";
          seen.push(value);
        }
        return value;
      });
      return s === undefined ? String(v) : s;
    } catch (e) {
      return String(v);
    }
  }

  function logger(prefix) {
    return function () {
      let s = "";
      for (let i = 0; i < arguments.length; i++) {
        s += (i ? " " : "") + render(arguments[i]);
        if (s.length > maxLine) break;
      }
      hostLog(cut(prefix + s, maxLine));
    };
  }
  const consoleObject = Object.freeze({
    log: logger(""), info: logger(""), debug: logger(""), warn: logger("[warn] "), error: logger("[error] "),
  });
  defineProp(G, "console", { value: consoleObject, writable: false, enumerable: false, configurable: false });

  for (const name of toolNames) {
    const stub = {
      async [name](args) {
        if (arguments.length > 1) {
          throw new TypeErrorCtor(name + " takes one object argument, e.g. " + name + "({ ... })");
        }
        let json;
        try {
          json = stringify(args === undefined ? null : args);
        } catch (e) {
          throw new TypeErrorCtor(name + ": the argument must be plain JSON (" + e.message + ")");
        }
        const out = await hostCall(name, json === undefined ? "null" : json);
        return out === undefined ? undefined : parse(out);
      },
    }[name];
    defineProp(G, name, { value: stub, writable: false, enumerable: false, configurable: false });
  }

  const baseline = new Set(getOwnNames(G));

  function renderResult(r) {
    if (!r || typeof r !== "object" || !("value" in r) || r.value === undefined) return undefined;
    return render(r.value);
  }

  function describeError(e) {
    if (e instanceof ErrorCtor || (e && typeof e === "object" && typeof e.message === "string")) {
      return stringify({ name: String(e.name || "Error"), message: String(e.message), stack: String(e.stack || "") });
    }
    return stringify({ name: "Thrown", message: render(e), stack: "" });
  }

  // Model-defined globals, as JSON (or source, for functions), so a fresh instance can carry them on.
  function snapshot(maxEach, maxTotal) {
    const vars = {};
    const lost = [];
    let total = 0;
    for (const k of getOwnNames(G)) {
      if (baseline.has(k)) continue;
      const d = getDesc(G, k);
      if (!d || !("value" in d)) { lost.push(k); continue; }
      const v = d.value;
      let entry = null;
      let size = 0;
      if (typeof v === "function") {
        let src = "";
        try { src = fnToString.call(v); } catch (e) { src = ""; }
        if (src && !/\[native code\]\s*\}$/.test(src)) { entry = { f: src }; size = src.length; }
      } else if (v === undefined) {
        entry = { u: 1 };
      } else {
        try {
          const j = stringify(v);
          if (j !== undefined) { entry = { j: j }; size = j.length; }
        } catch (e) { entry = null; }
      }
      if (!entry || size > maxEach || total + size > maxTotal) { lost.push(k); continue; }
      total += size;
      vars[k] = entry;
    }
    return stringify({ vars: vars, lost: lost });
  }

  function restore(json) {
    const vars = parse(json);
    const restored = [];
    const failed = [];
    for (const k of getOwnNames(vars)) {
      const e = vars[k];
      try {
        G[k] = e.f !== undefined ? indirectEval("(" + e.f + "\n)") : e.u ? undefined : parse(e.j);
        restored.push(k);
      } catch (err) {
        failed.push(k);
      }
    }
    return stringify({ restored: restored, failed: failed });
  }

  return { renderResult: renderResult, describeError: describeError, snapshot: snapshot, restore: restore };
})
`;
