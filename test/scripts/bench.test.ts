import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The bench keeps working: run at a small size into a folder of its own, its table has every column measured.
 * Nothing about time is asserted (npm run bench measures; a test never does), and BENCHMARKS.md is left alone.
 */
const root = join(__dirname, '..', '..');

describe('npm run bench', () => {
  const work = mkdtempSync(join(tmpdir(), 'returns-bench-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('measures every command, its floors (the reading floor too) and the Office run at the smallest size, and writes its table where it is told', () => {
    const committed = join(root, 'BENCHMARKS.md');
    const before = existsSync(committed) ? statSync(committed).mtimeMs : null;
    const out = join(work, 'BENCHMARKS.md');
    execFileSync(process.execPath, [require.resolve('tsx/cli'), join(root, 'scripts', 'bench.ts'), '--sizes', '2000', '--out', out, '--work', work], { cwd: root, stdio: 'pipe' });
    const table = readFileSync(out, 'utf8');
    const row = table.split('\n').find((line) => line.startsWith('| 2,000 |'));
    expect(row).toBeDefined();
    const cells = row!.split('|').slice(2, -1).map((c) => c.trim());
    const header = table.split('\n').find((line) => line.startsWith('| rows |'))!.split('|').slice(2, -1);
    expect(cells).toHaveLength(header.length);
    // "–" is a run left out, "failed" one that broke: neither may appear.
    expect(cells.filter((c) => c === '–' || c === '' || /failed|NaN/.test(c))).toEqual([]);
    // The reading floor beside the tally, and the same rows tallied as an .xlsx export: a row of a table each.
    const rows = table.split('\n').filter((line) => line.startsWith('| 2,000 |'));
    expect(rows).toHaveLength(3);
    for (const other of rows.slice(1)) expect(other.split('|').slice(2, -1).map((c) => c.trim()).filter((c) => c === '–' || /failed|NaN/.test(c))).toEqual([]);
    expect(rows[1]).toMatch(/^\| 2,000 \| [\d.]+ s \| [\d.]+ s \| [\d.]+ × \| [\d.]+ s \| [\d.]+ × \|$/);
    expect(table).toContain('`npm run bench -- --sizes 2000`');
    expect(existsSync(committed) ? statSync(committed).mtimeMs : null).toBe(before);
  }, 600_000);
});
