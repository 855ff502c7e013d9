import { builtInFramework } from './src/frameworks/load';
import { TemplateSheet } from './src/engine/mapping/templateSheet';
import { XlsxWorkbook } from './src/workbook/xlsxWorkbook';
import { labelSimilarity, wordWeights } from './src/engine/mapping/labelText';
(async () => {
  const t = await import(`/work/wt-fixtures/test/fixtures/templates/template${process.argv[2]}.ts`);
  const fw = builtInFramework('cambridgeshire');
  const wb = await XlsxWorkbook.fromBytes(await t.build(), 'x.xlsx');
  const s = new TemplateSheet(await wb.readGrid(process.argv[3]!));
  const w = wordWeights([...fw.sections.flatMap((s) => [s.label, ...s.aliases]), ...fw.figures.flatMap((f) => [f.label, ...f.aliases])]);
  for (const r of s.rows.slice(0, Number(process.argv[4] ?? 40))) { const l = s.labelRow(r); if (!l) continue;
    const sc = fw.sections.map((x) => [x.id, labelSimilarity(l.label, [x.label, ...x.aliases], w).toFixed(2)]).filter((x) => Number(x[1]) > 0.3);
    console.log(r, l.heading ? 'H' : ' ', l.firstColumn, l.lastColumn, s.inputFor(l), l.label.slice(0, 70), JSON.stringify(sc)); }
})();
