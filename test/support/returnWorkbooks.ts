import { FINDINGS_SHEET } from '../../src/commands/annotateReturn';
import { returnSheets, RETURN_NAMES } from '../../src/commands/returnLayout';
import { jsDateOfDay } from '../../src/engine/cases/dates';
import type { FigureCell } from '../../src/engine/checks/returnData';
import { periodFromIso } from '../../src/engine/tally/period';
import { figuresOf } from '../../src/frameworks/expand';
import type { Framework } from '../../src/frameworks/schema';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { cambridgeshire } from './returns';

export interface ReturnWorkbookOptions {
  framework?: Framework;
  /** ISO days; absent: 1 Apr – 30 Sep 2020. */
  period?: { from: string; to: string };
  provider?: string;
  /** Explanations typed in a Findings sheet: [rule, first figure, text]. */
  explanations?: [string, string, string][];
}

/** A return workbook as `returns template` lays it out, with every figure 0 but those given, typed in. */
export async function returnWorkbook(values: Record<string, FigureCell>, options: ReturnWorkbookOptions = {}): Promise<Uint8Array> {
  const framework = options.framework ?? cambridgeshire;
  const period = periodFromIso(options.period?.from ?? '2020-04-01', options.period?.to ?? '2020-09-30');
  const workbook = XlsxWorkbook.create();
  const { operations, cells } = returnSheets(framework, () => null, { period: { from: jsDateOfDay(period.from), to: jsDateOfDay(period.to) } });
  await workbook.apply(operations);
  const typed = { ...Object.fromEntries(figuresOf(framework).map((f) => [f.id, 0])), ...values };
  const provider = (await workbook.names()).find((n) => n.name === RETURN_NAMES.provider)!;
  await workbook.apply([
    ...Object.entries(typed).map(([id, value]) => ({ op: 'write' as const, sheet: cells.get(id)!.sheet, at: cells.get(id)!.cell, rows: [[value]] })),
    ...(options.provider ? [{ op: 'write' as const, sheet: provider.sheet, at: provider.range, rows: [[options.provider]] }] : []),
    ...(options.explanations
      ? [
          { op: 'addSheet' as const, sheet: FINDINGS_SHEET },
          {
            op: 'write' as const,
            sheet: FINDINGS_SHEET,
            at: 'A1',
            rows: [['Severity', 'Message', 'What to do', 'Cell', 'Explanation (provider)', 'Rule', 'Figure'], ...options.explanations.map(([rule, figure, text]) => ['Query', '', '', null, text, rule, figure])],
          },
        ]
      : []),
  ]);
  return workbook.toBytes();
}
