import { builtInFramework } from './src/frameworks/load';
import { proposeMapping } from './src/engine/mapping/proposeMapping';
import { XlsxWorkbook } from './src/workbook/xlsxWorkbook';
import { figuresOf } from './src/frameworks/expand';
const which = process.argv[2]!;
(async () => {
  const t = await import(`/work/wt-fixtures/test/fixtures/templates/template${which}.ts`);
  const fw = builtInFramework('cambridgeshire');
  const wb = await XlsxWorkbook.fromBytes(await t.build(), 'x.xlsx');
  const grids = [];
  for (const s of await wb.sheetNames()) grids.push(await wb.readGrid(s));
  const p = proposeMapping(fw, grids);
  const expected: Record<string, string> = t.expected;
  let right = 0, wrong = 0;
  for (const b of p.bindings) {
    if (expected[b.figure] === b.cell) right++;
    else { wrong++; console.log('WRONG', b.figure, b.cell, 'expected', expected[b.figure], '|', b.matched, b.score, b.confidence); }
  }
  const missed = Object.keys(expected).filter((id) => !p.bindings.some((b) => b.figure === id));
  console.log({ expected: Object.keys(expected).length, right, wrong, missed: missed.length, unsure: p.bindings.filter((b) => b.confidence === 'unsure').length, unclaimed: p.unclaimed.length, period: p.mapping.period, provider: p.mapping.provider, tPeriod: t.period, tProvider: t.provider });
  const show = (process.argv[3] ?? '40') as string;
  for (const id of missed.slice(0, Number(show))) { const u = p.unmapped.find((x) => x.figure === id); console.log('MISSED', id, expected[id], JSON.stringify(u?.candidates)); }
  if (process.argv[4]) for (const u of p.unclaimed) console.log('UNCLAIMED', u.cell, u.label);
})();
