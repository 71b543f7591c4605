// Entry of the model worker thread (bundled by Turbopack as its own entry; run through tsx in tests).
import { serveTasks } from "../platform/worker-pool/serve";
import { isModelInputError, modelTasks } from "./tasks";

serveTasks(modelTasks, isModelInputError);
