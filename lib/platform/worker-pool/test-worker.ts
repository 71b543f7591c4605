// Tests only: a worker entry with tiny tasks to exercise the pool (echo bytes, sleep, crash, fail).
import { serveTasks } from "./serve";
import { transferableBytes } from "./protocol";

class TestInputError extends Error {
  override name = "TestInputError";
}

serveTasks(
  {
    async reverse(input) {
      const bytes = new Uint8Array((input as { bytes: ArrayBuffer }).bytes);
      const out = transferableBytes(bytes.slice().reverse());
      return { output: { bytes: out, received: bytes.byteLength }, transfer: [out] };
    },
    async sleep(input) {
      const { ms } = input as { ms: number };
      const end = Date.now() + ms;
      while (Date.now() < end) {
        // busy on purpose: a CPU-bound task that only termination can stop
      }
      return { output: "slept" };
    },
    async crash() {
      setTimeout(() => {
        throw new Error("worker blew up");
      }, 0);
      return new Promise(() => undefined);
    },
    async exit() {
      process.exit(3);
    },
    async refuse() {
      throw new TestInputError("bad input, fix it");
    },
    async fail() {
      throw new RangeError("engine broke");
    },
    async threadInfo() {
      const { isMainThread, threadId } = await import("node:worker_threads");
      return { output: { isMainThread, threadId } };
    },
  },
  (err) => err instanceof TestInputError,
);
