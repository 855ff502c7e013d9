import { eventTableView } from '../frameworks/eventTables';
import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import type { CaseRecord } from '../engine/cases/caseRecord';
import { caseIdKey } from '../engine/cases/textKey';
import type { CountedEvents } from '../engine/report/returnTally';
import { caseTest } from '../engine/spec/caseTest';
import { figureSpec } from '../engine/spec/figureSpec';
import { caseEventsFormula } from '../engine/formulas/figureFormula';
import { caseColumnHeaders, caseColumnNames, caseEventsName, eventColumnNames } from '../engine/formulas/names';
import type { Period } from '../engine/tally/period';
import { cellAddress } from '../workbook/addresses';
import type { WorkbookOperation } from '../workbook/port';
import { blocksOf, caseRowWriter, type ExtraCaseColumn } from './caseTable';
import { eventDataSheet, eventsSheet } from './returnLayout';

/**
 * Each event table's sheets in a filled return: its rows exactly as given (for audit), and the normalised rows
 * the event formulas count: only the rows that count (a case's, not repeated), each column named.
 */
export function eventSheets(framework: Framework, events: CountedEvents): WorkbookOperation[] {
  return events.flatMap(({ table: tableId, rows, counted }) => {
    const view = eventTableView(framework, tableId);
    const sheet = eventsSheet(tableId);
    const headers = [`Row in ${rows.source}`, ...view.columns.flatMap(caseColumnHeaders)];
    const lastRow = Math.max(counted.length + 1, 2);
    const operations: WorkbookOperation[] = [
      { op: 'addSheet', sheet: eventDataSheet(tableId) },
      ...blocksOf(rows.rows, eventDataSheet(tableId)),
      { op: 'addSheet', sheet },
      { op: 'write', sheet, at: 'A1', rows: [headers, ...counted.map(caseRowWriter(view))] },
      { op: 'style', sheet, range: `A1:${cellAddress(1, headers.length)}`, style: 'table_header' },
      { op: 'columnWidths', sheet, widths: headers.map((h) => Math.min(Math.max(h.length + 2, 12), 30)) },
    ];
    let column = 2;
    for (const spec of view.columns)
      for (const name of eventColumnNames(tableId, spec)) {
        const range = `${cellAddress(2, column)}:${cellAddress(lastRow, column)}`;
        operations.push({ op: 'defineName', name, sheet, range });
        if (spec.type === 'date' && counted.length) operations.push({ op: 'style', sheet, range, style: 'date' });
        column += 1;
      }
    return operations;
  });
}

/**
 * The case table's columns counting each case's events, one per figure counting cases by their events: the
 * figure counts the cases whose cell is above 0. The event tables are read before the cases, so each case's
 * cell is written with its row.
 */
export function caseEventColumns(framework: Framework, period: Period, events: readonly { table: string; records: readonly CaseRecord[] }[]): ExtraCaseColumn[] {
  const caseIdColumn = 2 + framework.columns.slice(0, framework.columns.findIndex((c) => c.key === framework.caseId)).flatMap(caseColumnNames).length;
  return figuresOf(framework).flatMap((figure): ExtraCaseColumn[] => {
    const spec = figureSpec(figure, framework);
    if (spec.kind !== 'event_cases') return [];
    // The value each formula computes, for viewers that do not recalculate.
    const matches = caseTest(spec.terms, period);
    const perCase = new Map<string, number>();
    for (const event of events.find((e) => e.table === spec.events)?.records ?? []) if (event.duplicateOf === null && matches(event)) perCase.set(caseIdKey(event.id), (perCase.get(caseIdKey(event.id)) ?? 0) + 1);
    return [{ header: `Events: ${figure.label}`, name: caseEventsName(figure.id), cell: (record, row) => ({ formula: caseEventsFormula(figure, framework, cellAddress(row, caseIdColumn)), result: perCase.get(caseIdKey(record.id)) ?? 0 }) }];
  });
}
