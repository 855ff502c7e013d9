import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import { aggregateAsReturn, aggregateReturns, type Aggregate, type ProviderReturn } from '../engine/aggregation/aggregate';
import { refuseOtherProviders } from '../engine/aggregation/countedOnce';
import { peerRateFindings } from '../engine/aggregation/peerRates';
import { swingFindings } from '../engine/aggregation/swings';
import { jsDateOfDay } from '../engine/cases/dates';
import { catalogueFinding, type Finding } from '../engine/checks/findings';
import { refuseUnfitPrevious } from '../engine/checks/previousReturn';
import type { ReturnData } from '../engine/checks/returnData';
import { sortFindings } from '../engine/checks/runChecks';
import { cellAddress, sheetCell } from '../workbook/addresses';
import type { CellWrite, WorkbookOperation, WorkbookPort } from '../workbook/port';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import { annotateReturn } from './annotateReturn';
import { checkReadReturn } from './checkWorkbook';
import type { ReadReturn } from './readReturn';
import type { ReceivedReturn } from './receivedReturns';
import { returnSheets, RETURN_NAMES } from './returnLayout';

export const BY_PROVIDER_SHEET = 'By provider';
export const SOURCES_SHEET = 'Sources';

export interface Consolidated {
  aggregate: Aggregate;
  workbook: XlsxWorkbook;
  /** The consolidated return as checked. */
  data: ReturnData;
  findings: Finding[];
}

/** A received return as one provider's part of the consolidation: its figures, without its workbook. */
export const providerReturn = (r: ReceivedReturn): ProviderReturn => ({ file: r.file, name: r.provider, data: r.read.data, ...(r.consolidates ? { consolidates: r.consolidates } : {}) });

/**
 * The commissioner's consolidated return: the framework's own layout holding the totals (so it is a return
 * like any other, to check, report on or publish), a sheet with one column per provider plus the total and how
 * each total was made, a sheet giving the cell each provider's figure was read from, and the findings of the
 * framework's rules, the peer comparison and, given last period's returns (or its consolidated return), the swings.
 */
export async function consolidateReturns(
  providers: ProviderReturn[],
  options: { source: string; previous?: readonly ProviderReturn[]; swing?: number },
): Promise<Consolidated> {
  const aggregate = aggregateReturns(providers);
  const previous = options.previous?.length ? previousTotals(aggregateAsReturn(aggregate, options.source), providers, options.previous) : null;
  const { framework, period } = aggregate;
  const labels = new Map(figuresOf(framework).map((f) => [f.id, f.label]));
  const workbook = XlsxWorkbook.create();
  const { operations, cells } = returnSheets(framework, () => null, period ? { period: { from: jsDateOfDay(period.from), to: jsDateOfDay(period.to) } } : {});
  await workbook.apply(operations);
  const providerCell = (await workbook.names()).find((n) => n.name === RETURN_NAMES.provider);
  const writes: WorkbookOperation[] = aggregate.held.map((id) => ({ op: 'write', sheet: cells.get(id)!.sheet, at: cells.get(id)!.cell, rows: [[aggregate.totals[id] ?? null]] }));
  if (providerCell) writes.push({ op: 'write', sheet: providerCell.sheet, at: providerCell.range, rows: [[`All providers (${providers.length})`]] });
  await workbook.apply([...writes, ...providerSheets(aggregate, providers, labels)]);

  const places = new Map(aggregate.held.map((id) => [id, { name: id, sheet: cells.get(id)!.sheet, range: cells.get(id)!.cell }]));
  const data = aggregateAsReturn(aggregate, options.source, Object.fromEntries([...places].map(([id, p]) => [id, sheetCell(p.sheet, p.range)])));
  const read: ReadReturn = { data, version: framework.version, formulas: new Map(), places, lost: [] };
  const findings = sortFindings([
    ...(await checkReadReturn(workbook, read, { previous })),
    ...Object.entries(aggregate.blank).map(([id, why]) =>
      catalogueFinding('not_totalled', {
        severity: 'info',
        figures: [id],
        cells: [data.cells[id]!],
        params: {},
        message: `${labels.get(id) ?? id} is left blank in the consolidated return: ${why}.`,
        hint: 'Where a provider\u2019s return lacks the figure, ask them for it and aggregate again; otherwise say in what is published that the total is not known.',
      }),
    ),
    ...tablesLeftOut(framework, providers),
    ...peerRateFindings(providers),
    ...(previous && options.swing !== undefined ? swingFindings(data, previous, options.swing) : []),
  ]);
  await annotateReturn(workbook, read, findings);
  return { aggregate, workbook, data, findings };
}

/**
 * Last period's totals, to compare this period's with: of the same framework, of a period ending before this one
 * starts, and counting the same providers.
 */
function previousTotals(current: ReturnData, providers: readonly ProviderReturn[], previous: readonly ProviderReturn[]): ReturnData {
  const totals = aggregateAsReturn(aggregateReturns([...previous]), previous.map((p) => p.file).join(', '));
  refuseUnfitPrevious(current, totals);
  refuseOtherProviders(providers, previous);
  return totals;
}

/**
 * The typed-in tables (case studies, grants paid) are each provider's own items, not figures that add up, and may
 * say more about a victim than a figure does: the consolidated return leaves them blank and says so, with how
 * many rows each provider gave, for the commissioner to read them in the providers' returns.
 */
function tablesLeftOut(framework: Framework, providers: ProviderReturn[]): Finding[] {
  if (!framework.tables.length) return [];
  const given = (id: string) => providers.map((p) => `${p.name} ${p.data.tables?.[id]?.length ?? 'not read'}`).join(', ');
  return [
    catalogueFinding('tables_not_consolidated', {
      severity: 'info',
      figures: [],
      cells: [],
      params: {},
      message: `${framework.tables.map((t) => `${t.label} (rows given: ${given(t.id)})`).join('; ')} ${framework.tables.length === 1 ? 'is' : 'are'} left blank in the consolidated return: each provider's rows are its own items, not figures that add up.`,
      hint: "Read each provider's rows in its own return.",
    }),
  ];
}

const BY_PROVIDER_FIRST = ['Figure', 'Label'];
const BY_PROVIDER_LAST = ['Total', 'How the total was made'];

/**
 * The providers a consolidated return totals, read from its "By provider" sheet's header (its mark as one); null
 * for any other workbook, so it is never taken for a provider's own return.
 */
export async function consolidatedProviders(port: WorkbookPort): Promise<string[] | null> {
  if (!(await port.sheetNames()).includes(BY_PROVIDER_SHEET)) return null;
  const header = (await port.readUsed(BY_PROVIDER_SHEET)).find((r) => r.number === 1)?.cells.map((c) => (c === null ? '' : String(c))) ?? [];
  const ends = [...header.slice(0, 2), ...header.slice(-2)];
  if (header.length < 4 || ends.join('\n') !== [...BY_PROVIDER_FIRST, ...BY_PROVIDER_LAST].join('\n')) return null;
  return header.slice(2, -2);
}

/** One column per provider plus the total and how it was made; and the cell each provider's figure came from. */
function providerSheets(aggregate: Aggregate, providers: ProviderReturn[], labels: Map<string, string>): WorkbookOperation[] {
  const files = ['', 'File', ...providers.map((r) => r.file)];
  const byProvider: CellWrite[][] = [
    [...BY_PROVIDER_FIRST, ...providers.map((r) => r.name), ...BY_PROVIDER_LAST],
    files,
    ...aggregate.held.map((id) => [id, labels.get(id) ?? id, ...providers.map((r) => aggregate.byProvider[r.file]?.[id] ?? null), aggregate.totals[id] ?? null, aggregate.notes[id] ?? '']),
  ];
  const sources: CellWrite[][] = [
    ['Figure', 'Cell each figure was read from', ...providers.map((r) => r.name)],
    files,
    ...aggregate.held.map((id) => [id, labels.get(id) ?? id, ...providers.map((r) => r.data.cells[id] ?? 'not in the template')]),
  ];
  const sheets: [string, CellWrite[][]][] = [
    [BY_PROVIDER_SHEET, byProvider],
    [SOURCES_SHEET, sources],
  ];
  return sheets.flatMap(([sheet, rows]): WorkbookOperation[] => [
    { op: 'addSheet', sheet },
    { op: 'write', sheet, at: 'A1', rows },
    { op: 'style', sheet, range: `A1:${cellAddress(2, rows[0]!.length)}`, style: 'table_header' },
    { op: 'columnWidths', sheet, widths: [34, 60, ...providers.map(() => 18), 12, 70] },
  ]);
}
