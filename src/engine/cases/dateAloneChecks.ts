import { columnOf } from '../../frameworks/expand';
import { viewedTable } from '../../frameworks/eventTables';
import type { Framework, RowCheck } from '../../frameworks/schema';
import type { CaseTest } from '../spec/caseTest';
import { hasTimeOfDay } from './dateTimes';
import { gapsInHours } from './datesWithoutTimes';

/**
 * Row checks implied by the framework's conditions in hours ("responded within 48 hours of receipt"): a row that
 * gives one of the two a time of day and the other a date alone is measured by calendar day, since the date's
 * time is not known (a response without its time on the day of the contact is within 48 hours of it). The row
 * is counted so, and reported, so the time can be added. One check for each column of each pair lacking its time.
 * `framework` is the table the rows are read through: the framework itself, or an event table's view.
 */
export function dateAloneRowChecks(framework: Framework, absent: ReadonlySet<string>): { check: RowCheck; holds: CaseTest }[] {
  const viewed = viewedTable(framework);
  const pairs = new Map<string, { from: string; to: string; labels: string[] }>();
  for (const { gap, label } of gapsInHours(viewed?.framework ?? framework, viewed?.table ?? null)) {
    if (gap.unit !== 'clock' || absent.has(gap.of) || absent.has(gap.column)) continue;
    const key = `${gap.of}>${gap.column}`;
    const pair = pairs.get(key) ?? { from: gap.of, to: gap.column, labels: [] };
    if (!pair.labels.includes(label)) pair.labels.push(label);
    pairs.set(key, pair);
  }
  return [...pairs.values()].flatMap(({ from, to, labels }) => {
    const figures = labels.map((l) => `"${l}"`).join(', ');
    const check = (alone: string, timed: string): { check: RowCheck; holds: CaseTest } => {
      const header = columnOf(framework, alone).header;
      const other = columnOf(framework, timed).header;
      return {
        check: {
          id: `${alone}_date_alone_beside_${timed}`,
          severity: 'warning',
          title: `${header} without its time of day`,
          where: {},
          columns: [from, to],
          problem: `${header} has no time of day, so the hours between it and ${other} are counted by calendar day (the same day as 0 hours, the next as 24) in ${figures}`,
          fix: `Give ${header} its time of day, as 03/04/2024 14:35.`,
        },
        holds: (record) => {
          const date = record.values[alone];
          const at = record.values[timed];
          return typeof date === 'number' && typeof at === 'number' && !hasTimeOfDay(date) && hasTimeOfDay(at);
        },
      };
    };
    return [check(to, from), check(from, to)];
  });
}
