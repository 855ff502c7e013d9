import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { returnFromJson } from '../../src/engine/checks/returnFromJson';
import { memoryIo } from '../support/memoryIo';

const PERIOD = ['--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'];
const figures = (values: string, period = '{"from":"2020-04-01","to":"2020-09-30"}') => `{"framework":"cambridgeshire","period":${period},"figures":{${values}}}`;
const utf16 = (text: string, bom: boolean) => new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(text, 'utf16le')]);

/** An OLE compound file as Excel writes a password-protected workbook: its streams named in UTF-16. */
const ole = (stream: string) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504), ...Buffer.from(stream, 'utf16le'), ...new Uint8Array(64)]);

async function zipBomb(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/worksheets/sheet1.xml', '0'.repeat(20_000_000));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function run(args: string[], files: Record<string, string | Uint8Array>) {
  const { io, stdout, stderr } = memoryIo(files);
  const code = await main(args, io);
  return { code, out: stdout(), err: stderr() };
}

describe('bad inputs get a message in the user\'s terms, exit 2, never a crash', () => {
  it.each<[string, string[], Record<string, string | Uint8Array>, RegExp]>([
    ['an empty case export', ['tally', 'cases.csv', ...PERIOD], { 'cases.csv': '' }, /^cases\.csv is empty \(0 bytes\)/],
    ['an empty workbook to check', ['check', 'return.xlsx'], { 'return.xlsx': new Uint8Array() }, /return\.xlsx is empty \(0 bytes\)/],
    ['an empty figures file', ['check', 'return.json'], { 'return.json': '' }, /return\.json is empty\. Give a figures file/],
    ['a password-protected export', ['tally', 'cases.xlsx', ...PERIOD], { 'cases.xlsx': ole('EncryptedPackage') }, /cases\.xlsx is password-protected, so it cannot be read\. Open it in Excel, remove the password/],
    ['a password-protected return', ['check', 'return.xlsx'], { 'return.xlsx': ole('EncryptedPackage') }, /return\.xlsx is password-protected/],
    ['an old .xls', ['tally', 'cases.xls', ...PERIOD], { 'cases.xls': ole('Workbook') }, /cases\.xls is an old-style Excel file \(\.xls\)/],
    ['an infinite figure', ['check', 'return.json'], { 'return.json': figures('"referrals.total":1e309') }, /return\.json: referrals\.total is a number too large to be a figure/],
    ['a reversed period in a figures file', ['check', 'return.json'], { 'return.json': figures('', '{"from":"2020-09-30","to":"2020-04-01"}') }, /The period ends \(2020-04-01\) before it starts \(2020-09-30\): check period\.from and period\.to\./],
    ['a reversed period on the command line', ['tally', 'cases.csv', '--framework', 'cambridgeshire', '--from', '2020-09-30', '--to', '2020-04-01'], { 'cases.csv': 'Case ID\n' }, /The period ends \(2020-04-01\) before it starts \(2020-09-30\): check --from and --to\./],
    ...(['tally', 'fill'] as const).map<[string, string[], Record<string, string>, RegExp]>((command) => [
      `an impossible --from for ${command}`,
      [command, 'cases.csv', '--framework', 'cambridgeshire', '--from', '2024-02-30', '--to', '2024-03-31', ...(command === 'fill' ? ['--out', 'return.xlsx'] : [])],
      { 'cases.csv': 'Case ID\n' },
      /^--from "2024-02-30" is not a real date: February 2024 has 29 days\. Give the period's first day as YYYY-MM-DD\./,
    ]),
    ['an impossible --to for template', ['template', '--framework', 'cambridgeshire', '--from', '2021-04-01', '--to', '2021-06-31', '--out', 'return.xlsx'], {}, /^--to "2021-06-31" is not a real date: June 2021 has 30 days\. Give the period's last day as YYYY-MM-DD\./],
    ['an empty --from for template', ['template', '--framework', 'cambridgeshire', '--from', '', '--to', '', '--out', 'return.xlsx'], {}, /^--from "" is not a date: write it as YYYY-MM-DD/],
    ['an impossible period day in a figures file', ['check', 'return.json'], { 'return.json': figures('', '{"from":"2021-02-29","to":"2021-03-31"}') }, /return\.json: the period is not usable: period\.from "2021-02-29" is not a real date: February 2021 has 28 days\./],
    ['unknown figure ids', ['check', 'return.json'], { 'return.json': figures('"referrals.total":3,"referals.totl":3') }, /return\.json names 1 figure the Cambridgeshire .* does not have: referals\.totl\. Check the spelling/],
  ])('%s', async (_, args, files, message) => {
    const { code, err } = await run(args, files);
    expect(err).toMatch(message);
    expect(code).toBe(2);
  });

  it.each<[string, string]>([['tally', 'cases.xlsx'], ['check', 'return.xlsx']])('%s refuses a zip bomb before reading it', async (command, file) => {
    const args = command === 'tally' ? ['tally', file, ...PERIOD] : ['check', file];
    const { code, err } = await run(args, { [file]: await zipBomb() });
    expect(err).toMatch(new RegExp(`${file.replace('.', '\\.')} expands to more than 200 times its size \\(xl/worksheets/sheet1\\.xml\\); is it really a case export\\?`));
    expect(code).toBe(2);
  });

  it.each([true, false])('reads a UTF-16 figures file (byte-order mark: %s)', async (bom) => {
    const { code, out } = await run(['check', 'return.json', '--json'], { 'return.json': utf16(figures('"referrals.total":3'), bom) });
    expect(code).toBe(1);
    expect(JSON.parse(out).files[0].framework).toBe('cambridgeshire');
  });

  it('reads -0 in a figures file as 0, never a negative zero', () => {
    const data = returnFromJson(figures('"referrals.total":-0'), 'return.json');
    expect(Object.is(data.values['referrals.total'], 0)).toBe(true);
  });

  it('escapes control characters from case values in readable output', async () => {
    const cases = 'Case ID,Referral date,Referral source,Crime type\nC1,01/05/2020,Police,\u001b]0;owned\u0007\u001b[2J\nC2\u202e,01/05/2020,Police,Theft\n';
    const { code, out } = await run(['tally', 'cases.csv', ...PERIOD], { 'cases.csv': cases });
    expect(code).toBe(0);
    expect(out).toContain('\\x1b]0;owned\\x07\\x1b[2J');
    expect(out).not.toMatch(/[\u0007\u001b\u202e]/);
  });
});
