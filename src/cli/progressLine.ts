import type { Stage } from '../engine/progress';
import type { CliIo } from './io';

/** A run this short shows no progress: only inputs that take a few seconds do. */
const QUIET_FOR_MS = 1500;
const EVERY_MS = 250;
const STAGE_TEXT: Record<Stage, string> = { reading: 'Reading cases', tallying: 'Tallying', checking: 'Checking', writing: 'Writing' };

/**
 * A progress reporter for the engine's `onProgress`, drawn on one line of stderr where someone watches the
 * terminal (`io.status`): the stage, how far (as a share of the file, or a count), and the rate. Silent otherwise.
 */
export function progressLine(io: CliIo, now: () => number = Date.now): (stage: Stage, done: number, total: number | null) => void {
  const started = now();
  let shown = 0;
  let drawn = false;
  return (stage, done, total) => {
    const status = io.status;
    if (!status) return;
    const at = now();
    const finished = total !== null && done >= total;
    if (finished) {
      if (drawn) status('');
      return;
    }
    if (at - started < QUIET_FOR_MS || at - shown < EVERY_MS) return;
    shown = at;
    drawn = true;
    const seconds = (at - started) / 1000;
    const share = total ? `${Math.floor((100 * done) / total)}%` : done.toLocaleString('en-GB');
    const rate = total ? `${(done / 2 ** 20 / seconds).toFixed(1)} MB/s` : `${Math.round(done / seconds).toLocaleString('en-GB')} rows/s`;
    status(`${STAGE_TEXT[stage]}: ${share} (${rate}, ${seconds.toFixed(0)} s)`);
  };
}
