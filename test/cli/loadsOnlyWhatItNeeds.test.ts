import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../support/memoryIo';

// Loading any of these fails the test: tally, and check of a figures file, need no workbook or page code.
jest.mock('exceljs', () => {
  throw new Error('ExcelJS was loaded');
});
jest.mock('react', () => {
  throw new Error('React was loaded');
});
jest.mock('jszip', () => {
  throw new Error('JSZip was loaded');
});

const SAMPLE = join(__dirname, '..', '..', 'samples', 'cambridgeshire-cases.csv');

describe('each command loads only what it needs', () => {
  it('tallies a CSV export and checks the figures it printed without loading ExcelJS, JSZip or React', async () => {
    const tally = memoryIo();
    expect(await main(['tally', SAMPLE, '--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30', '--json'], tally.io)).toBe(0);
    const figures = tally.stdout();
    expect(JSON.parse(figures).figures['referrals.total']).toBeGreaterThan(0);

    const check = memoryIo({ 'figures.json': figures });
    const code = await main(['check', 'figures.json', '--json'], check.io);
    expect(check.stderr()).not.toMatch(/was loaded/);
    expect([0, 1]).toContain(code);
    expect(JSON.parse(check.stdout()).files[0].framework).toBe('cambridgeshire');
  });
});
