import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { BY_PROVIDER_SHEET, SOURCES_SHEET } from '../../src/commands/consolidateReturns';
import { mapTemplate } from '../../src/commands/mapTemplate';
import { readReturn } from '../../src/commands/readReturn';
import { FINDINGS_SHEET } from '../../src/commands/annotateReturn';
import { parseSheetCell } from '../../src/workbook/addresses';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { commissionerTemplates } from '../fixtures/templates';
import { memoryIo } from '../support/memoryIo';
import { returnWorkbook } from '../support/returnWorkbooks';
import { cambridgeshire } from '../support/returns';
import { figuresOutsideProfile } from '../../src/frameworks/profiles';

jest.setTimeout(240_000);

const SPRING = { from: '2020-10-01', to: '2021-03-31' };

async function consolidated(bytes: Uint8Array | undefined) {
  const workbook = await XlsxWorkbook.fromBytes(bytes!, 'consolidated.xlsx');
  return { workbook, read: await readReturn(workbook, 'consolidated.xlsx') };
}

describe('returns aggregate', () => {
  it('writes a consolidated return whose totals are the sums of the providers\u2019 figures, over random returns', async () => {
    const ids = ['referrals.total', 'referrals.by_source.police', 'support.total', 'outcomes.exits', 'demographics.gender.female', 'support.disengaged'];
    await fc.assert(
      // Distinct figures: one return given twice is refused, not added up.
      fc.asyncProperty(fc.uniqueArray(fc.record(Object.fromEntries(ids.map((id) => [id, fc.nat({ max: 900 })]))), { minLength: 1, maxLength: 4, selector: (values) => ids.map((id) => values[id]).join() }), async (providers) => {
        const files = Object.fromEntries(await Promise.all(providers.map(async (values, i) => [`in/p${i}.xlsx`, await returnWorkbook(values, { provider: `Provider ${i}` })] as const)));
        const { io, written } = memoryIo(files);
        expect(await main(['aggregate', '--dir', 'in', '--out', 'consolidated.xlsx'], io)).toBeLessThan(2);
        const { read } = await consolidated(written['consolidated.xlsx']);
        for (const id of ids) expect(read.data.values[id]).toBe(providers.reduce((sum, values) => sum + values[id]!, 0));
        expect(read.data.period).toEqual({ from: expect.any(Number), to: expect.any(Number) });
      }),
      { numRuns: 4 },
    );
  });

  it('prints the JSON the issue describes, with a column per provider, provenance, and a blank total naming the provider', async () => {
    const { io, stdout, written } = memoryIo({
      'in/a.xlsx': await returnWorkbook({ 'referrals.total': 12, 'referrals.by_source.police': 12, 'referrals.by_crime.theft': 12 }, { provider: 'Alpha Support' }),
      'in/b.xlsx': await returnWorkbook({ 'referrals.total': 3, 'referrals.by_source.police': 3, 'referrals.by_crime.theft': 3, 'support.disengaged': null }, { provider: 'Bravo Hub' }),
    });
    expect(await main(['aggregate', '--dir', 'in', '--out', 'consolidated.xlsx', '--json'], io)).toBe(1);
    const json = JSON.parse(stdout());
    expect(json).toMatchObject({
      framework: 'cambridgeshire',
      period: { from: '2020-04-01', to: '2020-09-30' },
      providers: [{ file: 'in/a.xlsx', name: 'Alpha Support' }, { file: 'in/b.xlsx', name: 'Bravo Hub' }],
      figures: { 'referrals.total': 15, 'referrals.by_source.police': 15, 'support.disengaged': null, 'waiting.average_days': null },
      byProvider: { 'in/a.xlsx': { 'referrals.total': 12 }, 'in/b.xlsx': { 'referrals.total': 3, 'support.disengaged': null } },
      notes: { 'support.disengaged': 'Left blank: the figure is blank in Bravo Hub\u2019s return, so a total would be only part of it.' },
    });
    const found = json.findings.map((f: { rule: string; figures: string[]; message: string }) => [f.rule, f.figures, f.message]);
    expect(found).toContainEqual(['figures_missing', ['support.disengaged'], expect.any(String)]);
    expect(found).toContainEqual(['not_totalled', ['support.disengaged'], 'Eligible victims who decided to disengage is left blank in the consolidated return: the figure is blank in Bravo Hub\u2019s return, so a total would be only part of it.']);

    const { workbook, read } = await consolidated(written['consolidated.xlsx']);
    expect(await workbook.sheetNames()).toEqual(expect.arrayContaining([BY_PROVIDER_SHEET, SOURCES_SHEET, FINDINGS_SHEET]));
    const byProvider = await workbook.readUsed(BY_PROVIDER_SHEET);
    expect(byProvider[0]!.cells).toEqual(['Figure', 'Label', 'Alpha Support', 'Bravo Hub', 'Total', 'How the total was made']);
    expect(byProvider.find((r) => r.cells[0] === 'referrals.total')!.cells).toEqual(['referrals.total', 'Total new referrals', 12, 3, 15, 'Sum of the 2 providers\' figures.']);
    const sources = await workbook.readUsed(SOURCES_SHEET);
    expect(sources.find((r) => r.cells[0] === 'referrals.total')!.cells.slice(2)).toEqual([read.data.cells['referrals.total'], read.data.cells['referrals.total']]);
    expect(read.data.values['support.disengaged']).toBeNull();
  });

  it('refuses returns of different periods, naming them, and writes nothing', async () => {
    const { io, stderr, written } = memoryIo({ 'a.xlsx': await returnWorkbook({}), 'b.xlsx': await returnWorkbook({}, { period: SPRING }) });
    expect(await main(['aggregate', 'a.xlsx', 'b.xlsx', '--out', 'consolidated.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('These returns are of different periods, so they cannot be added up: 1 Apr 2020 to 30 Sep 2020: a.xlsx; 1 Oct 2020 to 31 Mar 2021: b.xlsx.');
    expect(written).toEqual({});
  });

  it('refuses when a file cannot be read, naming it, rather than total the others', async () => {
    const { io, stderr, written } = memoryIo({ 'in/a.xlsx': await returnWorkbook({}), 'in/broken.xlsx': new TextEncoder().encode('not a workbook') });
    expect(await main(['aggregate', '--dir', 'in', '--out', 'consolidated.xlsx'], io)).toBe(2);
    expect(stderr()).toMatch(/1 of the 2 files could not be read, so the returns were not aggregated[^]*in\/broken\.xlsx/);
    expect(written).toEqual({});
  });

  it('queries swings against last period\u2019s returns and a provider far from the others', async () => {
    const caseload = (n: number, disengaged: number) => ({ 'referrals.total': n, 'referrals.by_source.police': n, 'referrals.by_crime.theft': n, 'support.disengaged': disengaged });
    const now = Object.fromEntries(await Promise.all([5, 6, 8, 9, 45].map(async (d, i) => [`now/p${i}.xlsx`, await returnWorkbook(caseload(100, d), { provider: `P${i}` })] as const)));
    // Last period's returns of the same providers, 300 referrals and 20 disengaged in all, made into its consolidated return.
    const last = Object.fromEntries(await Promise.all([2, 3, 4, 5, 6].map(async (d, i) => [`last/p${i}.xlsx`, await returnWorkbook(caseload(60, d), { provider: `P${i}`, period: { from: '2019-10-01', to: '2020-03-31' } })] as const)));
    const lastPeriod = memoryIo(last);
    expect(await main(['aggregate', '--dir', 'last', '--out', 'last-all.xlsx'], lastPeriod.io)).toBeLessThan(2);
    const { io, stdout } = memoryIo({ ...now, 'last-all.xlsx': lastPeriod.written['last-all.xlsx']! });
    await main(['aggregate', '--dir', 'now', '--previous', 'last-all.xlsx', '--swing', '40', '--out', 'c.xlsx', '--json'], io);
    const findings: { code: string; message: string }[] = JSON.parse(stdout()).findings;
    expect(findings.filter((f) => f.code === 'swing').map((f) => f.message)).toEqual([
      "Total new referrals is 500, up 67% on the previous period's 300 (more than the 40% allowed).",
      "New referrals from Police (local force) is 500, up 67% on the previous period's 300 (more than the 40% allowed).",
      expect.stringMatching(/^New referrals: Theft.* is 500, up 67%/),
      "Eligible victims who decided to disengage is 73, up 265% on the previous period's 20 (more than the 40% allowed).",
    ]);
    expect(findings.filter((f) => f.code === 'peer_outlier').map((f) => f.message)).toEqual([expect.stringMatching(/^P4: Eligible victims who disengaged, .* is 45\.0% \(45 of 100\), far above the other 4 providers/)]);
  });

  it('refuses its own earlier consolidated return among the providers\u2019 returns, naming it, and check --dir names it for what it is', async () => {
    const { io, stderr, written } = memoryIo({ 'sub/a.xlsx': await returnWorkbook({ 'referrals.total': 1 }, { provider: 'Provider a' }), 'sub/b.xlsx': await returnWorkbook({ 'referrals.total': 2 }, { provider: 'Provider b' }) });
    expect(await main(['aggregate', '--dir', 'sub', '--out', 'sub/new.xlsx'], io)).toBeLessThan(2);
    expect(await main(['aggregate', '--dir', 'sub', '--out', 'c2.xlsx'], io)).toBe(2);
    expect(stderr()).toContain("sub/new.xlsx is a consolidated return (made by returns aggregate, totalling Provider a and Provider b), not a provider's return: adding it would count its providers twice.");
    expect(written['c2.xlsx']).toBeUndefined();
    expect(await main(['check', '--dir', 'sub'], io)).toBeLessThan(2);
    expect(stderr()).toContain("sub/new.xlsx is a consolidated return (made by returns aggregate, totalling Provider a and Provider b), not a provider's: it is checked by the same rules as the consolidated return.");
  });

  it('refuses the same provider\u2019s return given twice, naming both files', async () => {
    const a = await returnWorkbook({ 'referrals.total': 4 }, { provider: 'Provider a' });
    const { io, stderr, written } = memoryIo({ 'in/a.xlsx': a, 'in/a-copy.xlsx': a, 'in/b.xlsx': await returnWorkbook({}, { provider: 'Provider b' }) });
    expect(await main(['aggregate', '--dir', 'in', '--out', 'c.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('in/a-copy.xlsx and in/a.xlsx both count Provider a: adding both would count Provider a twice.');
    expect(written).toEqual({});
  });

  it('refuses last period\u2019s returns of other providers than this period\u2019s, and of a period not before this one', async () => {
    const files = {
      'sub/a.xlsx': await returnWorkbook({ 'referrals.total': 1 }, { provider: 'Provider a' }),
      'sub/b.xlsx': await returnWorkbook({ 'referrals.total': 2 }, { provider: 'Provider b' }),
      'prev/a.xlsx': await returnWorkbook({ 'referrals.total': 1 }, { provider: 'Provider a', period: { from: '2019-10-01', to: '2020-03-31' } }),
    };
    const { io, stderr, written } = memoryIo(files);
    expect(await main(['aggregate', '--dir', 'sub', '--previous', 'prev/a.xlsx', '--out', 'c.xlsx'], io)).toBe(2);
    expect(stderr()).toContain("The previous returns (prev/a.xlsx) count Provider a, but this period's count Provider a and Provider b: Provider b has no previous return, so each change on last period would be wrong.");
    expect(await main(['aggregate', '--dir', 'sub', '--previous', 'sub/a.xlsx', '--previous', 'sub/b.xlsx', '--out', 'c.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('covers the same period as c.xlsx (1 Apr 2020 to 30 Sep 2020), so it is not a previous period.');
    expect(written).toEqual({});
  });

  it('aggregates commissioners\u2019 own templates through the mapping', async () => {
    const bytes = await commissionerTemplates['A']!.build();
    const { mapping } = await mapTemplate(await XlsxWorkbook.fromBytes(bytes, 'A.xlsx'), cambridgeshire);
    const filled = async (name: string, value: number) => {
      const workbook = await XlsxWorkbook.fromBytes(bytes, 'A.xlsx');
      const cells = Object.values(mapping.cells).map(parseSheetCell);
      await workbook.apply([...cells.map(({ sheet, cell }) => ({ op: 'write' as const, sheet, at: cell, rows: [[value]] })), { op: 'write', sheet: parseSheetCell(mapping.provider!).sheet, at: parseSheetCell(mapping.provider!).cell, rows: [[name]] }]);
      return workbook.toBytes();
    };
    const { io, stdout } = memoryIo({ 'x.xlsx': await filled('Xray', 2), 'y.xlsx': await filled('Yankee', 5), 'mapping.json': JSON.stringify(mapping) });
    await main(['aggregate', 'x.xlsx', 'y.xlsx', '--mapping', 'mapping.json', '--out', 'c.xlsx', '--json'], io);
    const json = JSON.parse(stdout());
    expect(json.providers.map((p: { name: string }) => p.name)).toEqual(['Xray', 'Yankee']);
    // A mapping states no service profile: figures asked of another profile only are not added up.
    const notAsked = figuresOutsideProfile(cambridgeshire, null);
    const mapped = Object.keys(mapping.cells).filter((id) => !notAsked.has(id));
    expect(mapped.filter((id) => json.figures[id] !== (id === 'waiting.average_days' ? null : 7))).toEqual([]);
    expect(Object.keys(json.figures).filter((id) => !notAsked.has(id)).sort()).toEqual([...mapped].sort());
  });

  it('never writes over an input, and replaces an existing file only with --force', async () => {
    const { io, stderr } = memoryIo({ 'a.xlsx': await returnWorkbook({}), 'old.xlsx': new Uint8Array([1]) });
    expect(await main(['aggregate', 'a.xlsx', '--out', 'a.xlsx', '--force'], io)).toBe(2);
    expect(stderr()).toContain('Cannot write a.xlsx: it is an input of this command');
    expect(await main(['aggregate', 'a.xlsx', '--out', 'old.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('Cannot write old.xlsx: the file already exists');
    expect(await main(['aggregate', 'a.xlsx', '--out', 'old.xlsx', '--force'], io)).toBe(0);
  });
});
