// Entry of the engine worker thread (bundled by Turbopack as its own entry; run through tsx in tests).
import { serveTasks } from "../../platform/worker-pool/serve";
import { engineTasks, isEngineInputError } from "./tasks";

serveTasks(engineTasks, isEngineInputError);
