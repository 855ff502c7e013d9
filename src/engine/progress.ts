/** The stages a long run goes through, as the CLI and the pane show them. */
export type Stage = 'reading' | 'tallying' | 'checking' | 'writing';

/**
 * Options every long-running engine entry point takes: `onProgress` is told the stage and how far it has got
 * (`total` is null where the size is not known beforehand), and `signal` stops the run between rows.
 */
export interface RunOptions {
  onProgress?: (stage: Stage, done: number, total: number | null) => void;
  signal?: AbortSignal;
}

/** Rows between two progress reports and abort checks: often enough to feel live, rare enough to cost nothing. */
export const PROGRESS_EVERY = 8192;

/** Stops the run when its signal has been aborted, with the signal's reason. */
export function stopIfAborted(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}
