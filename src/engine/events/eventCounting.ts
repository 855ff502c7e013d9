import { eventTableOf } from '../../frameworks/eventTables';
import type { Framework } from '../../frameworks/schema';
import { atomColumns, templateSpec } from '../spec/figureSpec';

/**
 * What a blank or unrecognised value in a column of an event table does to the event's counting, as the clause
 * its row issue ends with: without its Case ID or its date the event counts nowhere; any other column leaves it
 * out of the figures that ask for that column (a split by it, a condition on it) only, and says which figures
 * still count it.
 */
export function eventCountingWithout(framework: Framework, tableId: string): (key: string) => string {
  const table = eventTableOf(framework, tableId);
  // Named as the unknown-case issue names it ("this contacts row"): a table's label is a plural.
  const event = `this ${table.label.toLowerCase()} row`;
  const figures = framework.figures.flatMap((template) => {
    if ((template.kind !== 'event_count' && template.kind !== 'event_cases') || template.events !== tableId) return [];
    const spec = templateSpec(template, framework);
    if (spec.kind !== 'event_count' && spec.kind !== 'event_cases') return [];
    return [{ label: template.groupLabel ?? template.label, reads: new Set([...spec.by, ...spec.terms.flatMap((term) => term.flatMap(atomColumns))]) }];
  });
  const quoted = (labels: string[]) => labels.map((l) => `"${l}"`).join(', ');
  return (key) => {
    if (key === table.caseId || key === table.date) return `${event} is counted nowhere until it has one`;
    const header = table.columns.find((c) => c.key === key)?.header ?? key;
    const leftOut = figures.filter((f) => f.reads.has(key)).map((f) => f.label);
    const stillIn = figures.filter((f) => !f.reads.has(key)).map((f) => f.label);
    if (leftOut.length === 0) return `no figure asks for its ${header}, so ${event} is counted as it would be with one`;
    return `${event} is counted in no figure that asks for its ${header} (${quoted(leftOut)})${stillIn.length ? `, and still in the others (${quoted(stillIn)})` : ''}`;
  };
}
