import type { Target } from '../../frameworks/schema';
import type { ReturnData } from '../checks/returnData';

export type TargetStatus = 'met' | 'not_met' | 'too_small' | 'not_known';

export interface TargetResult {
  target: Target;
  status: TargetStatus;
  /** The figure, or the rate as a share (0–1). */
  value: number | null;
  /** The rate's denominator, when the target is a rate. */
  base: number | null;
}

const numberIn = (data: ReturnData, id: string): number | null => {
  if (data.held && !data.held.has(id)) return null;
  const value = data.values[id];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/**
 * Judges a return against its framework's targets. A rate on a base under the target's minimum is not judged:
 * 1 of 3 is not evidence of missing a 20 % target. A blank or text figure leaves the target not known.
 */
export function judgeTargets(data: ReturnData): TargetResult[] {
  return data.framework.targets.map((target) => {
    const figure = numberIn(data, target.figure);
    const base = target.of === undefined ? null : numberIn(data, target.of);
    if (figure === null || (target.of !== undefined && base === null)) return { target, status: 'not_known', value: null, base };
    if (base !== null && (base === 0 || base < target.minBase)) return { target, status: 'too_small', value: base === 0 ? null : figure / base, base };
    const value = base === null ? figure : figure / base;
    const met = (target.min === undefined || value >= target.min) && (target.max === undefined || value <= target.max);
    return { target, status: met ? 'met' : 'not_met', value, base };
  });
}

/** The target in words: "20 % to 25 %", "at most 0", "at least 70 %". */
export function describeTarget(target: Target): string {
  const show = (n: number) => (target.of === undefined ? formatNumber(n) : formatShare(n));
  if (target.min !== undefined && target.max !== undefined) return target.min === target.max ? `exactly ${show(target.min)}` : `${show(target.min)} to ${show(target.max)}`;
  return target.min !== undefined ? `at least ${show(target.min)}` : `at most ${show(target.max!)}`;
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
export const formatNumber = (n: number): string => numberFormat.format(n);
/** A share as a percentage to one decimal place at most: 0.0913 → "9.1 %". */
export const formatShare = (share: number): string => `${numberFormat.format(Math.round(share * 1000) / 10)} %`;
