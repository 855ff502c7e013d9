import type { EventTable, FigureTemplate, Framework } from './schema';

const views = new WeakMap<Framework, Map<string, Framework>>();
/** Each view's framework and table, for what is read from the framework's figures over the table's rows. */
const viewed = new WeakMap<Framework, { framework: Framework; table: string }>();

/** The framework's event table with this id. */
export function eventTableOf(framework: Framework, id: string): EventTable {
  const table = framework.events.find((t) => t.id === id);
  if (!table) throw new Error(`framework ${framework.id} has no event table "${id}"`);
  return table;
}

/**
 * An event table seen as a table of its own, in the shape the case import and the counting spec read: its
 * columns, its Case ID column as the row's id, its date as the one date window (`referred_in_period` is
 * "dated in the period") and its own row checks. Category lists, flag and not-stated spellings are the framework's.
 */
export function eventTableView(framework: Framework, id: string): Framework {
  let byId = views.get(framework);
  if (!byId) views.set(framework, (byId = new Map()));
  const known = byId.get(id);
  if (known) return known;
  const table = eventTableOf(framework, id);
  const view: Framework = {
    ...framework,
    columns: table.columns,
    caseId: table.caseId,
    caseDates: { referral: table.date, exit: table.date },
    populations: {},
    events: [],
    figures: [],
    lists: [],
    narratives: [],
    tables: [],
    rules: [],
    rowChecks: table.rowChecks,
    targets: [],
    rates: [],
    profiles: [],
  };
  byId.set(id, view);
  viewed.set(view, { framework, table: id });
  return view;
}

/** The framework and event table a view (`eventTableView`) shows; null for a framework itself, whose rows are its cases. */
export function viewedTable(framework: Framework): { framework: Framework; table: string } | null {
  return viewed.get(framework) ?? null;
}

/** The columns a figure template is broken down by, and the table they are columns of (an event table's, for an event figure). */
export function breakdownOf(framework: Framework, template: FigureTemplate): { by: string[]; table: Framework } {
  if (template.kind === 'event_count' || template.kind === 'event_cases') return { by: template.by, table: eventTableView(framework, template.events) };
  return { by: template.kind === 'count' ? template.by : [], table: framework };
}

/** A column's header from its key: a case column's, or an event table's written `table.key` (a figure left blank names it so). */
export function columnHeader(framework: Framework, key: string): string {
  const [tableId, columnKey] = key.includes('.') ? key.split('.') : [null, key];
  const columns = tableId === null ? framework.columns : eventTableOf(framework, tableId).columns;
  const column = columns.find((c) => c.key === columnKey);
  if (!column) throw new Error(`framework ${framework.id} has no column "${key}"`);
  return column.header;
}
