import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processIo, type CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { fillReturn } from '../../src/commands/fillReturn';
import { readReturn } from '../../src/commands/readReturn';
import { SUPPRESSED } from '../../src/engine/disclosure/suppression';
import { periodFromIso } from '../../src/engine/tally/period';
import { builtInFramework } from '../../src/frameworks/load';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { tableOf } from '../support/tables';

let folder: string;
const at = (name: string) => join(folder, name);
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'returns-publish-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function diskIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...processIo, out: (t) => out.push(t), err: (t) => err.push(t) };
  return { io, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}

describe('returns publish', () => {
  it('writes the public copy and its summary, leaves the return as it was, and replaces a file only with --force', async () => {
    const workbook = XlsxWorkbook.create();
    await fillReturn(workbook, { framework: builtInFramework('cambridgeshire'), period: periodFromIso('2020-04-01', '2020-09-30'), table: tableOf(HEADERS, ROWS) });
    writeFileSync(at('filled.xlsx'), await workbook.toBytes());
    const original = readFileSync(at('filled.xlsx'));

    const { io, stdout, stderr } = diskIo();
    expect(await main(['publish', at('filled.xlsx'), '--preset', 'under5', '--out', at('public.xlsx')], io)).toBe(0);
    expect(stdout()).toMatch(/^Wrote .*public\.xlsx \(counts of 1 to 4 are suppressed\): \d+ cells suppressed as \[c\]/);
    expect(stdout()).toContain('Left out: the "Case data" sheet, the "Cases" sheet');
    expect(readFileSync(at('filled.xlsx')).equals(original)).toBe(true);
    const published = await readReturn(await XlsxWorkbook.fromBytes(new Uint8Array(readFileSync(at('public.xlsx'))), 'public.xlsx'), 'public.xlsx');
    expect(Object.values(published.data.values)).toContain(SUPPRESSED);

    expect(await main(['publish', at('filled.xlsx'), '--preset', 'ons', '--out', at('public.xlsx')], io)).toBe(2);
    expect(stderr()).toContain('the file already exists');
    expect(await main(['publish', at('filled.xlsx'), '--preset', 'ons', '--out', at('public.xlsx'), '--force'], io)).toBe(0);
    expect(await main(['publish', at('filled.xlsx'), '--preset', 'ons', '--out', at('filled.xlsx'), '--force'], io)).toBe(2);
    expect(readFileSync(at('filled.xlsx')).equals(original)).toBe(true);
  });

  it('names the presets when given another', async () => {
    const { io, stderr } = diskIo();
    expect(await main(['publish', at('filled.xlsx'), '--preset', 'under10', '--out', at('public.xlsx')], io)).toBe(2);
    expect(stderr()).toContain('--preset is under5 (suppress 1–4) or ons (suppress under 10, round the rest to 5)');
  });
});
