import Papa from 'papaparse';
import { builtInFramework } from '../src/frameworks/load';
import { importCases } from '../src/engine/cases/importCases';
import { periodFromIso } from '../src/engine/tally/period';
import { tallyCases } from '../src/engine/tally/tally';
import { readDelimited } from '../src/tables/readDelimited';
import { generateSampleCases } from './sample/generateCases';
import { fillReturn } from '../src/commands/fillReturn';
import { XlsxWorkbook } from '../src/workbook/xlsxWorkbook';

/** Measures reading, importing, tallying and filling a workbook from exports of growing size (`npm run bench`); asserts nothing. */
const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function time<T>(run: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const rows = (n: number) => `${n.toLocaleString('en-GB')} rows`.padEnd(14);
void (async () => {
  console.log(`${'size'.padEnd(14)}${'read ms'.padStart(10)}${'import ms'.padStart(11)}${'tally ms'.padStart(10)}${'fill ms'.padStart(10)}${'heap MB'.padStart(10)}`);
  for (const size of sizes.length ? sizes : [3_000, 30_000, 100_000]) {
    const csv = Papa.unparse(generateSampleCases(size));
    global.gc?.();
    const [table, readMs] = time(() => readDelimited(csv, 'bench.csv'));
    const [imported, importMs] = time(() => importCases(table, framework));
    const [, tallyMs] = time(() => tallyCases(imported.cases, framework, period));
    // Filling writes the pasted and normalised case sheets and every formula, then saves the .xlsx.
    const fillMs = await timeAsync(async () => {
      const workbook = XlsxWorkbook.create();
      await fillReturn(workbook, { framework, period, table });
      await workbook.toBytes();
    });
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    console.log(`${rows(size)}${readMs.toFixed(0).padStart(10)}${importMs.toFixed(0).padStart(11)}${tallyMs.toFixed(0).padStart(10)}${fillMs.toFixed(0).padStart(10)}${heap.toFixed(0).padStart(10)}`);
  }
})();
