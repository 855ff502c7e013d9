import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { fillReturn } from '../../src/commands/fillReturn';
import { readReturn } from '../../src/commands/readReturn';
import { NOT_APPLICABLE } from '../../src/engine/checks/typedInputs';
import { periodFromIso } from '../../src/engine/tally/period';
import { readFileSync } from 'fs';
import { parseFramework } from '../../src/frameworks/load';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { LANCASHIRE_HEADERS, lancashireRows } from '../fixtures/lancashireCases';
import { tableOf } from '../support/tables';

jest.setTimeout(120_000);

describe('a typed "not applicable" in a filled return', () => {
  it('is read as N/A, kept apart from blank and text, and reported neither missing nor not a number', async () => {
    // Lancashire with an extra figure typed in, that may be "not applicable".
    const raw = JSON.parse(readFileSync('src/frameworks/data/lancashire.json', 'utf8')) as { figures: object[] };
    const typedRate = { id: 'contact.nest_callback_pct', label: 'NEST callbacks within a day (%)', section: 'contact', kind: 'input', notApplicable: true };
    const framework = parseFramework({ ...raw, figures: [...raw.figures, typedRate] }, 'lancashire-with-na.json');
    const frameworkFor = () => framework;
    const workbook = XlsxWorkbook.create();
    await fillReturn(workbook, { framework, period: periodFromIso('2017-04-01', '2017-06-30'), table: tableOf(LANCASHIRE_HEADERS, lancashireRows([{ service: 'VS', rows: 5, vulnerable: 2, within48h: 1, engaged: 1 }])) });
    const names = new Map((await workbook.names()).map((n) => [n.name, n]));
    const typeInto = (id: string, value: string | null) => ({ op: 'write' as const, sheet: names.get(id)!.sheet, at: names.get(id)!.range, rows: [[value]] });
    await workbook.apply([typeInto('contact.nest_callback_pct', 'n/a'), typeInto('engagement.rate_pct', '***'), typeInto('referrals.insufficient_data_pct', null)]);

    const { data } = await readReturn(workbook, 'lancashire-q1.xlsx', frameworkFor);
    expect([data.values['contact.nest_callback_pct'], data.values['engagement.rate_pct'], data.values['referrals.insufficient_data_pct']]).toEqual([NOT_APPLICABLE, '***', null]);
    const { findings } = await checkWorkbook(workbook, 'lancashire-q1.xlsx', { frameworkFor });
    const about = (rule: string) => findings.filter((f) => f.rule === rule).flatMap((f) => f.figures);
    expect(about('figures_not_numbers')).toEqual(['engagement.rate_pct']);
    expect(about('figures_missing')).toContain('referrals.insufficient_data_pct');
    expect(about('figures_missing')).not.toContain('contact.nest_callback_pct');
  });
});
