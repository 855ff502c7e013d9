import type { WorkbookPort } from '../../workbook/port';

/** Lets the worker's message queue run: a cancel sent while a step works is heard at the step's next workbook call. */
const letMessagesIn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The workbook port of a worker's session, which stops a step at its next call once the step's signal is
 * aborted. A command makes a handful of port calls whatever the size, and plans all its writes before one
 * `apply`: a step cancelled before that `apply` leaves the workbook as it was.
 */
export function stoppablePort(port: WorkbookPort, signal: () => AbortSignal | undefined): WorkbookPort {
  return new Proxy(port, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      // A spool only gathers rows for a later `apply`: it is made at once, and the `apply` is where a step stops.
      if (key === 'rowSpool') return value.bind(target);
      return async (...args: unknown[]) => {
        await letMessagesIn();
        signal()?.throwIfAborted();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
