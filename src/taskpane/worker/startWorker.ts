import { inPageWorker } from './inPageWorker';
import type { WorkerLike } from './workerLike';

/**
 * Starts a worker from the page's own folder (webpack bundles it beside the page: same origin, no other
 * script); where the browser refuses one (a page opened as a file), the work runs in the page instead.
 * Jest replaces this module: the URL below is written for webpack's ES modules.
 */
export function startWorker(): WorkerLike {
  try {
    // @ts-expect-error import.meta is for the page's ES-module build; the type check runs as CommonJS.
    return new Worker(new URL('./returns.worker.ts', import.meta.url)) as WorkerLike;
  } catch {
    return inPageWorker();
  }
}
