import type { FlagValue } from '../../frameworks/schema';
import type { Day } from './dates';

/**
 * One case after normalisation, keyed by the framework's column keys: dates are Days, flags yes/no/unknown,
 * categories their ids (numbered columns a list of ids), counts numbers, lists arrays of names.
 */
export type CaseValue = string | number | string[] | null;

export interface CaseRecord {
  row: number;
  id: string;
  /** Set when an earlier row has the same Case ID: such a row is reported and counted nowhere. */
  duplicateOf: number | null;
  values: Record<string, CaseValue>;
}

export function dateOf(record: CaseRecord, key: string): Day | null {
  const v = record.values[key];
  return typeof v === 'number' ? v : null;
}

export function flagOf(record: CaseRecord, key: string): FlagValue {
  const v = record.values[key];
  return v === 'yes' || v === 'no' ? v : 'unknown';
}

/** The categories a case has in a column: none, one, or (numbered columns) several. */
export function categoriesOf(record: CaseRecord, key: string): string[] {
  const v = record.values[key];
  if (Array.isArray(v)) return v;
  return typeof v === 'string' ? [v] : [];
}

export function wholeOf(record: CaseRecord, key: string): number | null {
  const v = record.values[key];
  return typeof v === 'number' ? v : null;
}

export function textOf(record: CaseRecord, key: string): string | null {
  const v = record.values[key];
  return typeof v === 'string' ? v : null;
}

export function namesOf(record: CaseRecord, key: string): string[] {
  const v = record.values[key];
  return Array.isArray(v) ? v : [];
}
