import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { FULL_EXPORT } from '../fixtures/handBuiltCases';
import { memoryIo } from '../support/memoryIo';

const PERIOD = ['--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'];
const CASES = 'Case ID,Referral date,Referral source,Crime type,Contacted,Support accepted,Support type\nC1,01/05/2020,Police,Theft,Y,Y,Single\nC2,02/05/2020,Self,Theft,Y,Y,Ongoing\n';
/** An export with every column of the return. */
const FULL_CASES = FULL_EXPORT;

describe('returns template, fill and check on workbooks', () => {
  it('writes a template whose figure cells are named and empty, with the period set', async () => {
    const { io, written, stdout } = memoryIo();
    expect(await main(['template', ...PERIOD, '--out', 'return.xlsx'], io)).toBe(0);
    expect(stdout()).toContain('Wrote the Cambridgeshire victim services monitoring return template (version 2020-21.3) to return.xlsx.');
    const workbook = await XlsxWorkbook.fromBytes(written['return.xlsx']!, 'return.xlsx');
    expect(await workbook.sheetNames()).toEqual(['Outputs', 'Demographics', 'Outcomes', 'Narrative', 'Case data']);
    const names = new Map((await workbook.names()).map((n) => [n.name, n]));
    expect((await workbook.read([names.get('referrals.total')!]))[0]).toEqual([[null]]);
    expect((await workbook.read([names.get('period.to')!]))[0]).toEqual([[new Date(Date.UTC(2020, 8, 30))]]);
  });

  it('fills a return from an export with every column, then checks it: clean, exit 0', async () => {
    const { io, written } = memoryIo({ 'full.csv': FULL_CASES });
    expect(await main(['fill', 'full.csv', ...PERIOD, '--out', 'filled.xlsx'], io)).toBe(0);
    expect(written['filled.xlsx']).toBeDefined();
    expect(await main(['check', 'filled.xlsx'], io)).toBe(0);
  });

  it('leaves the figures an export cannot give blank, with a note, and the check reports them missing', async () => {
    const { io, written, stdout } = memoryIo({ 'cases.csv': CASES });
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--out', 'filled.xlsx'], io)).toBe(0);
    expect(stdout()).toContain('The case data has no "Mental health needs" column: 2 figures are left blank, not 0');
    const workbook = await XlsxWorkbook.fromBytes(written['filled.xlsx']!, 'filled.xlsx');
    const place = (await workbook.names()).find((n) => n.name === 'needs.mental_health')!;
    expect((await workbook.read([place]))[0]).toEqual([[null]]);
    expect(await workbook.formulas([{ sheet: place.sheet, cell: place.range }])).toEqual([null]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(written['filled.xlsx']! as unknown as ArrayBuffer);
    expect(String(book.getWorksheet(place.sheet)!.getCell(place.range).note)).toMatch(/^The case data has no "Exit date" or "Mental health needs" columns, so this figure is left blank rather than 0\./);
    expect(await main(['check', 'filled.xlsx', '--json'], io)).toBe(1);
    const missing = JSON.parse(stdout().slice(stdout().indexOf('{'))).files[0].issues.find((f: { rule: string }) => f.rule === 'figures_missing');
    expect(missing.figures).toEqual(expect.arrayContaining(['needs.mental_health', 'cjs.reported_to_police', 'waiting.average_number']));
    expect(missing.figures).not.toContain('referrals.total');
    // Asked of the Victim and Witness Hub only: not missing from a general service's return.
    expect(missing.figures).not.toContain('support.letters_emails');
  });

  it('fills a template a provider has, stopping on a typed figure that differs, unless --overwrite', async () => {
    const { io, written, stderr } = memoryIo({ 'cases.csv': CASES });
    await main(['template', '--framework', 'cambridgeshire', '--out', 'return.xlsx'], io);
    const workbook = await XlsxWorkbook.fromBytes(written['return.xlsx']!, 'return.xlsx');
    const total = (await workbook.names()).find((n) => n.name === 'referrals.total')!;
    await workbook.apply([{ op: 'write', sheet: total.sheet, at: total.range, rows: [[5]] }]);
    written['return.xlsx'] = await workbook.toBytes();
    const typed = written['return.xlsx'];
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--into', 'return.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('Total new referrals: typed 5, the case data gives 2');
    expect(written['return.xlsx']).toBe(typed);
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--into', 'return.xlsx', '--overwrite'], io)).toBe(0);
    expect(await (await XlsxWorkbook.fromBytes(written['return.xlsx']!, 'return.xlsx')).sheetNames()).toContain('Replaced values');
  });

  it('fills a return filled before again from a new export: its case sheets hold the new cases only', async () => {
    const { io, written } = memoryIo({ 'full.csv': FULL_CASES, 'cases.csv': CASES });
    expect(await main(['fill', 'full.csv', ...PERIOD, '--out', 'return.xlsx'], io)).toBe(0);
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--into', 'return.xlsx', '--overwrite'], io)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(written['return.xlsx'] as unknown as ArrayBuffer);
    const rows = (sheet: string) => (workbook.getWorksheet(sheet)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 3));
    expect(rows('Case data')).toEqual(CASES.trim().split('\n').map((line) => line.split(',').slice(0, 2)));
    expect(rows('Cases').map((r) => r[1])).toEqual(['Case ID', 'C1', 'C2']);
  });

  it('checks a received workbook with planted mistakes, exit 1, and writes an annotated copy leaving the original alone', async () => {
    const { io, written, stdout, stderr } = memoryIo({ 'cases.csv': CASES });
    await main(['fill', 'cases.csv', ...PERIOD, '--out', 'received.xlsx'], io);
    const workbook = await XlsxWorkbook.fromBytes(written['received.xlsx']!, 'received.xlsx');
    const theft = (await workbook.names()).find((n) => n.name === 'referrals.by_crime.theft')!;
    await workbook.apply([{ op: 'write', sheet: theft.sheet, at: theft.range, rows: [[3]] }]);
    written['received.xlsx'] = await workbook.toBytes();
    const original = written['received.xlsx'];
    expect(await main(['check', 'received.xlsx', '--annotate', 'checked.xlsx'], io)).toBe(1);
    expect(stdout()).toContain(`✗ New referrals by crime type add up to 3 but Total new referrals is 2 (1 more). [${theft.sheet}!B`);
    expect(stderr()).toMatch(/Wrote checked\.xlsx: \d+ findings in its Findings sheet\./);
    expect(written['received.xlsx']).toBe(original);
    expect(await (await XlsxWorkbook.fromBytes(written['checked.xlsx']!, 'checked.xlsx')).sheetNames()).toContain('Findings');
  });

  it('fills a template from the cases pasted into its Case data sheet', async () => {
    const { io, written, stdout } = memoryIo();
    await main(['template', '--framework', 'cambridgeshire', '--out', 'return.xlsx'], io);
    const workbook = await XlsxWorkbook.fromBytes(written['return.xlsx']!, 'return.xlsx');
    const rows = CASES.trim().split('\n').map((line) => line.split(','));
    await workbook.apply([{ op: 'write', sheet: 'Case data', at: 'A1', rows }]);
    written['return.xlsx'] = await workbook.toBytes();
    expect(await main(['fill', ...PERIOD, '--into', 'return.xlsx'], io)).toBe(0);
    expect(stdout()).toContain('from 2 case rows of return.xlsx, sheet "Case data"');
    const filled = await XlsxWorkbook.fromBytes(written['return.xlsx']!, 'return.xlsx');
    const total = (await filled.names()).find((n) => n.name === 'referrals.total')!;
    expect((await filled.read([total]))[0]).toEqual([[2]]);
  });

  it('refuses to replace a workbook it wrote before unless --force, and a fill over the return it read', async () => {
    const { io, written, stderr } = memoryIo({ 'cases.csv': CASES });
    expect(await main(['template', '--framework', 'cambridgeshire', '--out', 'return.xlsx'], io)).toBe(0);
    const first = written['return.xlsx'];
    expect(await main(['template', '--framework', 'cambridgeshire', '--out', 'return.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('Cannot write return.xlsx: the file already exists. Name a new file, or add --force to replace it.');
    expect(written['return.xlsx']).toBe(first);
    expect(await main(['template', '--framework', 'cambridgeshire', '--out', './return.xlsx', '--force'], io)).toBe(0);
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--into', 'return.xlsx', '--out', './return.xlsx', '--force'], io)).toBe(2);
    expect(stderr()).toContain('it is the same file as the input return.xlsx, which is never written over');
  });

  it('writes the submission copy of a filled return: its figures, no case sheets, the filled return unchanged', async () => {
    // Every column of the return, so no figure is left blank for a column the export lacks.
    const { io, written, stdout, stderr } = memoryIo({ 'cases.csv': FULL_CASES });
    await main(['fill', 'cases.csv', ...PERIOD, '--out', 'filled.xlsx'], io);
    const filled = written['filled.xlsx'];
    expect(await main(['submit', 'filled.xlsx', '--out', 'submission.xlsx'], io)).toBe(0);
    expect(stdout()).toMatch(/Wrote submission\.xlsx, the copy to send to the commissioner: \d+ formulas replaced by their values, the sheets "Case data" and "Cases" and \d+ names pointing into them removed\.\nSend submission\.xlsx; keep filled\.xlsx/);
    expect(written['filled.xlsx']).toBe(filled);
    const sent = await XlsxWorkbook.fromBytes(written['submission.xlsx']!, 'submission.xlsx');
    expect(await sent.sheetNames()).toEqual(['Outputs', 'Demographics', 'Outcomes', 'Narrative']);
    expect(await main(['check', 'submission.xlsx'], io)).toBe(0);
    expect(await main(['submit', 'filled.xlsx', '--out', 'filled.xlsx', '--force'], io)).toBe(2);
    expect(stderr()).toContain('never written over');
  });

  it('refuses to make the copy to send of a template with no figure filled in', async () => {
    const { io, written, stderr } = memoryIo();
    await main(['template', '--framework', 'cambridgeshire', '--out', 'template.xlsx'], io);
    expect(await main(['submit', 'template.xlsx', '--out', 'submission.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('template.xlsx has nothing filled in: fill it from the case data or type the figures in');
    expect(written['submission.xlsx']).toBeUndefined();
  });

  it('map never writes over the template it maps, nor an existing mapping without --force', async () => {
    const { io, written, stderr } = memoryIo();
    await main(['template', '--framework', 'cambridgeshire', '--out', 'commissioner.xlsx'], io);
    const template = written['commissioner.xlsx'];
    expect(await main(['map', 'commissioner.xlsx', '--framework', 'cambridgeshire', '--out', './commissioner.xlsx', '--force'], io)).toBe(2);
    expect(stderr()).toContain('it is the same file as the input commissioner.xlsx, which is never written over');
    expect(written['commissioner.xlsx']).toBe(template);
    expect(await main(['map', 'commissioner.xlsx', '--framework', 'cambridgeshire', '--out', 'mapping.json'], io)).toBe(0);
    expect(await main(['map', 'commissioner.xlsx', '--framework', 'cambridgeshire', '--out', 'mapping.json'], io)).toBe(2);
    expect(stderr()).toContain('Cannot write mapping.json: the file already exists.');
  });

  it.each<[string, string[], RegExp]>([
    ['--annotate with two files', ['check', 'a.xlsx', 'b.xlsx', '--annotate', 'out.xlsx'], /--annotate writes a copy of one workbook/],
    ['--annotate over the original', ['check', 'a.xlsx', '--annotate', 'a.xlsx'], /the return you received is never changed/],
    ['fill without a destination', ['fill', 'cases.csv', ...PERIOD], /Say where the return goes/],
    ['fill of a new workbook without cases', ['fill', ...PERIOD, '--out', 'new.xlsx'], /Give the case-data file/],
    ['a template without --out', ['template', '--framework', 'cambridgeshire'], /--out is required/],
    ['submit without --out', ['submit', 'filled.xlsx'], /--out is required/],
    ['submit of a CSV', ['submit', 'cases.csv', '--out', 's.xlsx'], /must be an \.xlsx workbook/],
  ])('refuses %s', async (_, args, message) => {
    const { io, stderr } = memoryIo({ 'cases.csv': CASES });
    expect(await main(args, io)).toBe(2);
    expect(stderr()).toMatch(message);
  });
});
