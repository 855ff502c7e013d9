import { figuresOf } from '../../frameworks/expand';
import { catalogueFinding, type Finding } from '../checks/findings';
import type { ReturnData } from '../checks/returnData';

/** A figure under this last period is not compared: a change of a few victims is not a swing. */
export const SWING_MIN_PREVIOUS = 10;

/** Queries each figure that changed by more than `swing` per cent on the previous period's return. */
export function swingFindings(current: ReturnData, previous: ReturnData, swing: number): Finding[] {
  const number = (data: ReturnData, id: string) => {
    const value = data.values[id];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  return figuresOf(current.framework).flatMap((figure) => {
    if (current.held && !current.held.has(figure.id)) return [];
    const [now, before] = [number(current, figure.id), number(previous, figure.id)];
    if (now === null || before === null || before < SWING_MIN_PREVIOUS) return [];
    const change = ((now - before) / before) * 100;
    if (Math.abs(change) <= swing) return [];
    return [
      catalogueFinding('swing', {
        severity: 'query',
        figures: [figure.id],
        cells: current.cells[figure.id] ? [current.cells[figure.id]!] : [],
        params: { actual: now, expected: before, difference: now - before, limit: swing },
        message: `${figure.label} is ${now}, ${change > 0 ? 'up' : 'down'} ${Math.abs(change).toFixed(0)}% on the previous period's ${before} (more than the ${swing}% allowed).`,
        hint: 'Check the figure, and say what changed: a new referral route, a service closed, a change in recording.',
      }),
    ];
  });
}
