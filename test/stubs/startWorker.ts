import { inPageWorker } from '../../src/taskpane/worker/inPageWorker';

/** Jest runs as CommonJS, where the real module's `import.meta` does not parse: the worker's handler runs in-process. */
export const startWorker = inPageWorker;
