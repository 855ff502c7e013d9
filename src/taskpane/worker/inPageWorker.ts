import { workerHandler } from './workerHandler';
import type { WorkerLike } from './workerLike';

/**
 * The worker's handler run in the page itself, for where a worker cannot start (a page opened from a file
 * address, where the browser refuses one): the same steps and answers, each message handled after the page's
 * own turn, but the page is busy while a step computes.
 */
export function inPageWorker(): WorkerLike {
  let ended = false;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      setTimeout(() => ended || handle(message), 0);
    },
    terminate() {
      ended = true;
    },
  };
  const handle = workerHandler((reply) => setTimeout(() => ended || worker.onmessage?.({ data: reply }), 0));
  return worker;
}
