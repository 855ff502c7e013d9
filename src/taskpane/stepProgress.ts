import type { Stage } from '../engine/progress';

/** How far a step has got: its stage and, where the size is known, the fraction done. */
export interface ProgressNow {
  stage: Stage | null;
  /** 0 to 1, or null where the size is not known. */
  fraction: number | null;
  cancelling: boolean;
}

/**
 * A running step's progress, kept apart from the pane's state: reports arrive many times a second, and only the
 * status line listens to them (useSyncExternalStore), so the rest of the pane does not redraw for each.
 */
export class StepProgress {
  private now: ProgressNow = { stage: null, fraction: null, cancelling: false };
  private readonly listeners = new Set<() => void>();
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  get = () => this.now;

  report = (stage: Stage, done: number, total: number | null) => {
    const fraction = total ? Math.min(1, done / total) : null;
    // A report that would not change what is drawn (whole per cent) is dropped.
    if (stage === this.now.stage && (fraction === null) === (this.now.fraction === null) && Math.floor((fraction ?? 0) * 100) === Math.floor((this.now.fraction ?? 0) * 100)) return;
    this.set({ ...this.now, stage, fraction });
  };

  cancel = () => {
    if (this.now.cancelling) return;
    this.set({ ...this.now, cancelling: true });
    this.controller.abort();
  };

  private set(now: ProgressNow) {
    this.now = now;
    for (const listener of this.listeners) listener();
  }
}
