import { isReceived, readReceivedReturns } from '../../src/commands/receivedReturns';
import { returnFileList } from '../../src/commands/returnFileList';
import { mapTemplate } from '../../src/commands/mapTemplate';
import { parseSheetCell } from '../../src/workbook/addresses';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { commissionerTemplates } from '../fixtures/templates';
import { memoryIo } from '../support/memoryIo';
import { returnWorkbook } from '../support/returnWorkbooks';
import { cambridgeshire } from '../support/returns';

jest.setTimeout(60_000);

describe('reading the returns received', () => {
  it('reads every file of a folder on its own: good returns, and a foreign, a corrupt and a non-workbook file each with its message', async () => {
    const foreign = XlsxWorkbook.create();
    await foreign.apply([{ op: 'addSheet', sheet: 'Budget' }, { op: 'write', sheet: 'Budget', at: 'A1', rows: [['Staff', 1200]] }]);
    const { io } = memoryIo({
      'in/a.xlsx': await returnWorkbook({ 'referrals.total': 12 }, { provider: 'Alpha Support', explanations: [['exits_without_outcome', 'outcomes.exits_without_outcome', 'Two cases closed by the court.']] }),
      'in/b.xlsx': await returnWorkbook({ 'referrals.total': 3 }),
      'in/budget.xlsx': await foreign.toBytes(),
      'in/broken.xlsx': new TextEncoder().encode('PK\u0003\u0004 not really a zip'),
      'in/notes.txt': 'minutes of the meeting',
      'in/~$a.xlsx': 'Excel lock file',
    });
    const files = await returnFileList(io, [], 'in');
    expect(files).toEqual(['in/a.xlsx', 'in/b.xlsx', 'in/broken.xlsx', 'in/budget.xlsx', 'in/notes.txt']);
    const entries = await readReceivedReturns(io, files);
    expect(entries.map((e) => e.file)).toEqual(files);
    const [a, b, broken, budget, notes] = entries;
    if (!a || !isReceived(a) || !b || !isReceived(b)) throw new Error('the good returns were not read');
    expect(a.provider).toBe('Alpha Support');
    expect(a.read.data.values['referrals.total']).toBe(12);
    expect(a.explanations.get('exits_without_outcome|outcomes.exits_without_outcome')).toBe('Two cases closed by the court.');
    expect(b.provider).toBe('b');
    expect(broken).toEqual({ file: 'in/broken.xlsx', error: expect.stringContaining('in/broken.xlsx') });
    expect(budget).toEqual({ file: 'in/budget.xlsx', error: expect.stringMatching(/in\/budget\.xlsx does not say which return it is/) });
    expect(notes).toEqual({ file: 'in/notes.txt', error: expect.stringMatching(/notes\.txt is not an Excel workbook/) });
  });

  it('says so when a folder is empty or missing', async () => {
    const { io } = memoryIo();
    await expect(returnFileList(io, [], 'test/no-such-folder')).rejects.toThrow(/Cannot read the folder test\/no-such-folder: there is no such folder/);
  });

  it("reads a commissioner's own template through the mapping, with the provider's name from the cell the mapping gives", async () => {
    const bytes = await commissionerTemplates['A']!.build();
    const workbook = await XlsxWorkbook.fromBytes(bytes, 'A.xlsx');
    const { mapping } = await mapTemplate(workbook, cambridgeshire);
    const { sheet, cell } = parseSheetCell(mapping.provider!);
    await workbook.apply([{ op: 'write', sheet, at: cell, rows: [['Bravo Hub']] }]);
    const { io } = memoryIo({ 'A.xlsx': await workbook.toBytes() });
    const [entry] = await readReceivedReturns(io, ['A.xlsx'], { mapping });
    if (!entry || !isReceived(entry)) throw new Error(`not read: ${JSON.stringify(entry)}`);
    expect(entry.read.data.held?.size).toBe(Object.keys(mapping.cells).length);
    expect(entry.provider).toBe('Bravo Hub');
  });
});
