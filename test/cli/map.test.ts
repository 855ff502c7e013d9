import { main } from '../../src/cli/main';
import { parseSheetCell } from '../../src/workbook/addresses';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { commissionerTemplates } from '../fixtures/templates';
import { FULL_EXPORT } from '../fixtures/handBuiltCases';
import { memoryIo } from '../support/memoryIo';

const PERIOD = ['--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'];
const CASES = FULL_EXPORT;

describe('returns map, then fill and check through the mapping', () => {
  it('maps a commissioner\u2019s template to JSON, prints its coverage, and fills and checks it with --mapping', async () => {
    const { io, written, stdout } = memoryIo({ 'template.xlsx': await commissionerTemplates.B!.build(), 'cases.csv': CASES });
    expect(await main(['map', 'template.xlsx', '--framework', 'cambridgeshire', '--out', 'mapping.json'], io)).toBe(0);
    expect(stdout()).toMatch(/^Mapped 5\d\d of \d+ figures of the Cambridgeshire victim services monitoring return \(\d+ sure, \d+ unsure\) and wrote mapping\.json\./);
    expect(stdout()).toContain('Not mapped:');
    const mapping = JSON.parse(new TextDecoder().decode(written['mapping.json']!));
    expect(mapping).toMatchObject({ framework: 'cambridgeshire', cells: { 'referrals.total': "'Section A'!D15" } });

    expect(await main(['fill', 'cases.csv', ...PERIOD, '--into', 'template.xlsx', '--mapping', 'mapping.json', '--out', 'filled.xlsx'], io)).toBe(0);
    expect(stdout()).toMatch(/Filled 5\d\d figures with formulas from 2 case rows/);
    const filled = await XlsxWorkbook.fromBytes(written['filled.xlsx']!, 'filled.xlsx');
    const total = parseSheetCell(mapping.cells['referrals.total']);
    expect(await filled.read([{ sheet: total.sheet, range: total.cell }])).toEqual([[[2]]]);

    expect(await main(['check', 'filled.xlsx', '--mapping', 'mapping.json', '--json'], io)).toBe(0);
    const report = JSON.parse(stdout().slice(stdout().lastIndexOf('{\n  "files"')));
    expect(report.files[0].issues.some((f: { rule: string }) => f.rule === 'not_applicable')).toBe(true);
  });

  it('writes the mapping into a copy of the template, which then fills and checks without --mapping', async () => {
    const { io, written } = memoryIo({ 'template.xlsx': await commissionerTemplates.A!.build(), 'cases.csv': CASES });
    expect(await main(['map', 'template.xlsx', '--framework', 'cambridgeshire', '--out', 'mapped.xlsx'], io)).toBe(0);
    const mapped = await XlsxWorkbook.fromBytes(written['mapped.xlsx']!, 'mapped.xlsx');
    expect((await mapped.names()).find((n) => n.name === 'referrals.total')).toEqual({ name: 'referrals.total', sheet: 'Outputs', range: 'C30' });
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--into', 'mapped.xlsx', '--out', 'filled.xlsx'], io)).toBe(0);
    expect(await main(['check', 'filled.xlsx'], io)).toBe(0);
  });

  it('says what is wrong with a mapping file, and where', async () => {
    const { io, stderr } = memoryIo({ 'template.xlsx': await commissionerTemplates.C!.build(), 'cases.csv': CASES, 'bad.json': '{"framework": "cambridgeshire", "version": "1", "cells": {"referrals.total": "C20"}}' });
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--into', 'template.xlsx', '--mapping', 'bad.json', '--out', 'x.xlsx'], io)).toBe(2);
    expect(stderr()).toMatch(/bad\.json is not a mapping:\n {2}- cells\.referrals\.total: write a cell as Excel writes it/);
  });

  it('asks for --into with --mapping, and names an unknown figure id with a suggestion', async () => {
    const { io, stderr } = memoryIo({ 'template.xlsx': await commissionerTemplates.C!.build(), 'cases.csv': CASES, 'typo.json': '{"framework": "cambridgeshire", "version": "1", "cells": {"referrals.totl": "\'Headline (3-monthly)\'!E8"}}' });
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--mapping', 'typo.json', '--out', 'x.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('--mapping goes with --into');
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--into', 'template.xlsx', '--mapping', 'typo.json', '--out', 'x.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('cells.referrals.totl: "referrals.totl" is not a figure of Cambridgeshire victim services monitoring return; did you mean referrals.total?');
  });
});
