import { progressLine } from '../../src/cli/progressLine';
import { memoryIo } from '../support/memoryIo';

describe('progressLine', () => {
  it('draws the stage, share and rate on the terminal for a run of a few seconds, and clears it when done', () => {
    const lines: string[] = [];
    let now = 0;
    const report = progressLine({ ...memoryIo().io, status: (text) => lines.push(text) }, () => now);
    report('reading', 10, 100);
    now = 2000;
    report('reading', 50 * 2 ** 20, 100 * 2 ** 20);
    now = 2100;
    report('reading', 60 * 2 ** 20, 100 * 2 ** 20);
    report('reading', 100 * 2 ** 20, 100 * 2 ** 20);
    expect(lines).toEqual(['Reading cases: 50% (25.0 MB/s, 2 s)', '']);
  });

  it('counts rows where the size is not known', () => {
    const lines: string[] = [];
    let now = 0;
    const report = progressLine({ ...memoryIo().io, status: (text) => lines.push(text) }, () => now);
    now = 4000;
    report('tallying', 20_000, null);
    expect(lines).toEqual(['Tallying: 20,000 (5,000 rows/s, 4 s)']);
  });

  it('stays silent where nobody watches the terminal', () => {
    const { io, stderr } = memoryIo();
    let now = 0;
    const report = progressLine(io, () => now);
    now = 5000;
    report('reading', 1, 2);
    expect(stderr()).toBe('');
  });
});
