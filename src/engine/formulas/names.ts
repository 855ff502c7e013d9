import type { Column } from '../../frameworks/schema';

/**
 * Defined names the formulas refer to. Figure cells are named by their figure id; the normalised case
 * table's columns and the period cells have names of their own, so every formula reads like its definition.
 */
export const PERIOD_FROM = 'period.from';
export const PERIOD_TO = 'period.to';

/** The case-table column(s) of a framework column: one, or one per slot of a numbered column (Outcome 1 … 4). */
export function caseColumnNames(column: Column): string[] {
  if (column.type === 'category' && column.repeat) return Array.from({ length: column.repeat }, (_, i) => `case.${column.key}_${i + 1}`);
  return [`case.${column.key}`];
}

/** Headers of the normalised case table, one per case column name. */
export function caseColumnHeaders(column: Column): string[] {
  if (column.type === 'category' && column.repeat) return Array.from({ length: column.repeat }, (_, i) => column.header.replace('#', String(i + 1)));
  return [column.header];
}

/** The event table's column(s) of a column of event table `tableId`. */
export function eventColumnNames(tableId: string, column: Column): string[] {
  return caseColumnNames(column).map((name) => `event.${tableId}.${name.slice('case.'.length)}`);
}

/** The case-table column counting each case's events that an event_cases figure looks for. */
export function caseEventsName(figureId: string): string {
  return `case_events.${figureId}`;
}
