import { workerHandler } from './workerHandler';

/** The page's worker: it runs the steps the page asks for, so the page stays responsive while they compute. */
const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void; onmessage: ((event: MessageEvent) => void) | null };
const handle = workerHandler((reply, transfer = []) => scope.postMessage(reply, transfer));
scope.onmessage = (event) => handle(event.data);
