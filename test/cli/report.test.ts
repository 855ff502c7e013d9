import { main } from '../../src/cli/main';
import { fillReturn } from '../../src/commands/fillReturn';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { memoryIo } from '../support/memoryIo';
import { tableOf } from '../support/tables';

async function filledBytes(): Promise<Uint8Array> {
  const workbook = XlsxWorkbook.create();
  await fillReturn(workbook, { framework: builtInFramework('cambridgeshire'), period: periodFromIso('2020-04-01', '2020-09-30'), table: tableOf(HEADERS, ROWS) });
  return workbook.toBytes();
}

describe('returns report', () => {
  it('writes the meeting pack with an earlier period given as tally JSON, and never replaces a file without --force', async () => {
    const earlier = JSON.stringify({ framework: 'cambridgeshire', period: { from: '2019-10-01', to: '2020-03-31' }, figures: { 'support.total': 2, 'referrals.total': 9 } });
    const { io, written, stdout, stderr } = memoryIo({ 'filled.xlsx': await filledBytes(), 'earlier.json': earlier });
    expect(await main(['report', 'filled.xlsx', '--previous', 'earlier.json', '--out', 'pack.html'], io)).toBe(0);
    const html = new TextDecoder().decode(written['pack.html']);
    expect(html).toContain('Compared with: 1 Oct 2019 – 31 Mar 2020');
    expect(html).toContain('Average number of victims on waiting lists');
    expect(stdout()).toMatch(/^Wrote pack\.html: \d+ headline figures, \d+ charts, 1 of 2 targets judged \(0 met\)/);

    expect(await main(['report', 'filled.xlsx', '--out', 'pack.html'], io)).toBe(2);
    expect(stderr()).toContain('Cannot write pack.html: the file already exists.');
    expect(await main(['report', 'filled.xlsx', '--out', 'pack.html', '--force'], io)).toBe(0);
  });

  it('says what is wrong with its flags', async () => {
    const { io, stderr } = memoryIo();
    expect(await main(['report', 'filled.xlsx', '--out', 'pack.pdf'], io)).toBe(2);
    expect(stderr()).toContain('--out must name an .html file');
    expect(await main(['report', 'filled.xlsx', '--out', 'filled.xlsx'], io)).toBe(2);
  });
});
