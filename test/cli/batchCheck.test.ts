import { main } from '../../src/cli/main';
import { checkReportSchema } from '../../src/engine/checks/checkReport';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { memoryIo } from '../support/memoryIo';
import { returnWorkbook } from '../support/returnWorkbooks';

jest.setTimeout(120_000);

/** A folder as a commissioner's inbox holds it: good, bad, queried-and-explained, foreign, corrupt and stray files. */
async function inbox(): Promise<Record<string, string | Uint8Array>> {
  const foreign = XlsxWorkbook.create();
  await foreign.apply([{ op: 'addSheet', sheet: 'Budget' }, { op: 'write', sheet: 'Budget', at: 'A1', rows: [['Staff', 1200]] }]);
  return {
    'inbox/1-good.xlsx': await returnWorkbook({}, { provider: 'Good Support Ltd' }),
    'inbox/2-bad.xlsx': await returnWorkbook({ 'referrals.total': 5, 'support.disengaged': null }, { provider: 'Bad Sums & Co <script>alert(1)</script>' }),
    'inbox/3-queried.xlsx': await returnWorkbook({ 'waiting.average_number': 3 }, { provider: 'Waiting Hub', explanations: [['waiting_lists_used', 'waiting.average_number', 'A <b>short</b> list after a staff vacancy.']] }),
    'inbox/4-budget.xlsx': await foreign.toBytes(),
    'inbox/5-broken.xlsx': new TextEncoder().encode('PK\u0003\u0004 not really a zip'),
    'inbox/6-minutes.docx': 'minutes',
  };
}

describe('returns check --dir: a folder of returns gives one report', () => {
  it('checks each file on its own, one JSON entry per file in order, and exits 2 when a file could not be used', async () => {
    const { io, stdout } = memoryIo(await inbox());
    expect(await main(['check', '--dir', 'inbox', '--json'], io)).toBe(2);
    const report = checkReportSchema.parse(JSON.parse(stdout()));
    expect(report.files.map((f) => f.file)).toEqual(['inbox/1-good.xlsx', 'inbox/2-bad.xlsx', 'inbox/3-queried.xlsx', 'inbox/4-budget.xlsx', 'inbox/5-broken.xlsx', 'inbox/6-minutes.docx']);
    const [good, bad, queried, budget, broken, minutes] = report.files;
    expect(good).toMatchObject({ summary: { error: 0, query: 0 } });
    expect(bad).toMatchObject({ summary: { error: 3 } });
    expect(queried).toMatchObject({ summary: { error: 0, query: 1 } });
    expect(budget).toEqual({ file: 'inbox/4-budget.xlsx', error: expect.stringContaining('does not say which return it is') });
    expect(broken).toEqual({ file: 'inbox/5-broken.xlsx', error: expect.stringContaining('inbox/5-broken.xlsx') });
    expect(minutes).toEqual({ file: 'inbox/6-minutes.docx', error: expect.stringContaining('is not an Excel workbook') });
    expect(report.summary).toMatchObject({ unusable: 3 });
  });

  it('gives the provider\'s explanation of a query with its finding, in the JSON and in the text report', async () => {
    const files = await inbox();
    const { io, stdout } = memoryIo(files);
    await main(['check', 'inbox/3-queried.xlsx', '--json'], io);
    const [queried] = checkReportSchema.parse(JSON.parse(stdout())).files;
    expect(queried && 'issues' in queried ? queried.issues.map((f) => [f.rule, f.explanation]) : null).toEqual([['waiting_lists_used', 'A <b>short</b> list after a staff vacancy.']]);
    const text = memoryIo(files);
    await main(['check', 'inbox/3-queried.xlsx'], text.io);
    expect(text.stdout()).toContain("      Provider's explanation: A <b>short</b> list after a staff vacancy.");
  });

  it('writes a self-contained HTML report: a row per provider with its counts, and each finding with the explanation given', async () => {
    const { io, written, stderr } = memoryIo(await inbox());
    expect(await main(['check', '--dir', 'inbox', '--html', 'report.html'], io)).toBe(2);
    expect(stderr()).toContain('Wrote report.html');
    const html = new TextDecoder().decode(written['report.html']);
    const rows = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'));
    expect(rows.slice(1)).toEqual([
      '|Good Support Ltd|inbox/1-good.xlsx|cambridgeshire|1 Apr 2020 to 30 Sep 2020|0|0|0|0|',
      '|Bad Sums &amp; Co &lt;script&gt;alert(1)&lt;/script&gt;|inbox/2-bad.xlsx|cambridgeshire|1 Apr 2020 to 30 Sep 2020|3|0|0|1|',
      '|Waiting Hub|inbox/3-queried.xlsx|cambridgeshire|1 Apr 2020 to 30 Sep 2020|0|1|1|0|',
      expect.stringMatching(/^\|—\|inbox\/4-budget\.xlsx\|Could not be checked: inbox\/4-budget\.xlsx does not say which return it is/),
      expect.stringMatching(/^\|—\|inbox\/5-broken\.xlsx\|Could not be checked: /),
      expect.stringMatching(/^\|—\|inbox\/6-minutes\.docx\|Could not be checked: /),
    ]);
    expect(html).toContain("Provider's explanation: A &lt;b&gt;short&lt;/b&gt; list after a staff vacancy.");
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>short');
  });

  it('loads nothing from anywhere: no script, no link, no remote or embedded resource', async () => {
    const { io, written } = memoryIo(await inbox());
    await main(['check', '--dir', 'inbox', '--html', 'report.html'], io);
    const html = new TextDecoder().decode(written['report.html']);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b|\bsrc=|url\(|@import|https?:/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).every((h) => /^#file-\d+$/.test(h!))).toBe(true);
  });

  it('never writes the report over a return it read, and replaces an existing report only with --force', async () => {
    const { io, stderr, written } = memoryIo({ ...(await inbox()), 'inbox/7-last-report.html': 'last week', 'old.html': 'last month' });
    expect(await main(['check', '--dir', 'inbox', '--html', 'inbox/7-last-report.html', '--force'], io)).toBe(2);
    expect(stderr()).toContain('Cannot write inbox/7-last-report.html: it is an input of this command');
    expect(await main(['check', '--dir', 'inbox', '--html', 'old.html'], io)).toBe(2);
    expect(stderr()).toContain('Cannot write old.html: the file already exists');
    expect(written).toEqual({});
    expect(await main(['check', '--dir', 'inbox', '--html', 'old.html', '--force'], io)).toBe(2);
    expect(new TextDecoder().decode(written['old.html'])).toContain('Returns checked');
  });
});

describe('returns check --html: blank figures', () => {
  it('counts only the figures asked of the return\'s kind of service: those of another service are not applicable', async () => {
    const rj = Object.fromEntries(['rj.proactive_referrals', 'rj.first_meeting_rate', 'rj.conference_rate', 'rj.weeks_to_conference'].map((id) => [id, null]));
    const { io, written } = memoryIo({
      'inbox/general.xlsx': await returnWorkbook(rj, { provider: 'General Service' }),
      'inbox/gap.xlsx': await returnWorkbook({ ...rj, 'support.disengaged': null }, { provider: 'Gap Service' }),
    });
    await main(['check', '--dir', 'inbox', '--html', 'report.html'], io);
    const html = new TextDecoder().decode(written['report.html']);
    const blankOf = (provider: string) => new RegExp(`<td>${provider}</td>(?:<td[^>]*>.*?</td>){6}<td class="n">(\\d+)</td>`).exec(html)?.[1];
    expect([blankOf('General Service'), blankOf('Gap Service')]).toEqual(['0', '1']);
  });
});
