import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fillReturn } from '../../src/commands/fillReturn';
import type { Framework } from '../../src/frameworks/schema';
import type { RawTable } from '../../src/engine/cases/rawTable';
import type { Period } from '../../src/engine/tally/period';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { sheetXmlStreams } from '../../src/workbook/sheetXmlStreams';
import { jsDateOfDay } from '../../src/engine/cases/dates';
import { PERIOD_FROM, PERIOD_TO } from '../../src/engine/formulas/names';
import { tallyTable } from '../../src/engine/report/tallyReport';

/** A throwaway LibreOffice profile that recalculates every formula of an .xlsx file when loading it. */
function recalculatingProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return profile;
}

/** Opens the workbook in LibreOffice Calc, recalculates it, and gives back the recalculated .xlsx bytes. */
export function recalculateInLibreOffice(bytes: Uint8Array, name = 'return.xlsx'): Uint8Array {
  const work = mkdtempSync(join(tmpdir(), 'lo-recalc-'));
  const input = join(work, name);
  const outDir = join(work, 'out');
  writeFileSync(input, bytes);
  execFileSync('soffice', [`-env:UserInstallation=file://${recalculatingProfile()}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, input], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  return new Uint8Array(readFileSync(join(outDir, basename(name))));
}

/**
 * Fills a new return, recalculates it in LibreOffice and lists every figure whose value differs from the tally;
 * with `periodTypedIn`, a provider first types another period into the filled return, and its formulas must follow.
 */
export async function recalculatedAgainstTally(framework: Framework, table: RawTable, period: Period, periodTypedIn?: Period): Promise<{ mismatches: string[]; checked: number; recalculated: XlsxWorkbook }> {
  // The case sheets streamed into the file, as the CLI writes them.
  const workbook = XlsxWorkbook.create({ streams: sheetXmlStreams });
  let { report } = await fillReturn(workbook, { framework, period, table });
  if (periodTypedIn) {
    const named = new Map((await workbook.names()).map((n) => [n.name, n]));
    await workbook.apply(([[PERIOD_FROM, periodTypedIn.from], [PERIOD_TO, periodTypedIn.to]] as const).map(([name, day]) => ({ op: 'write', sheet: named.get(name)!.sheet, at: named.get(name)!.range, rows: [[jsDateOfDay(day)]] })));
    report = tallyTable(table, framework, periodTypedIn);
  }
  const recalculated = await XlsxWorkbook.fromBytes(recalculateInLibreOffice(await workbook.toBytes()), 'recalculated.xlsx');
  const names = new Map((await recalculated.names()).map((n) => [n.name, n]));
  const ids = Object.keys(report.figures);
  const values = await recalculated.read(ids.map((id) => names.get(id) ?? { sheet: 'missing', range: 'A1' }));
  const mismatches = ids.flatMap((id, i) => {
    const value = values[i]![0]![0];
    const got = value === '' || value === undefined ? null : value;
    return got === report.figures[id] ? [] : [`${id}: tally ${report.figures[id]}, LibreOffice ${String(got)}`];
  });
  return { mismatches, checked: ids.length, recalculated };
}
