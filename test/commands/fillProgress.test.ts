import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillReturn } from '../../src/commands/fillReturn';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import type { Stage } from '../../src/engine/progress';
import { readDelimited } from '../../src/tables/readDelimited';
import { recordingPort } from '../support/recordingPort';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const table = readDelimited(readFileSync(join(__dirname, '..', '..', 'samples', 'cambridgeshire-cases.csv'), 'utf8'), 'cases.csv');

describe('fillReturn progress and cancelling', () => {
  it('tells each stage as it goes: the rows read, then the writing', async () => {
    const { port, applies } = recordingPort();
    const seen: [Stage, number, number | null][] = [];
    await fillReturn(port, { framework, period, table, onProgress: (stage, done, total) => seen.push([stage, done, total]) });
    expect(seen[0]).toEqual(['reading', 0, table.rows.length]);
    expect(seen).toContainEqual(['reading', table.rows.length, table.rows.length]);
    expect(seen.slice(-2)).toEqual([['writing', 0, 1], ['writing', 1, 1]]);
    expect(applies()).toBe(1);
  });

  it('stops without writing anything when cancelled', async () => {
    const { port, applied, applies } = recordingPort();
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(fillReturn(port, { framework, period, table, signal: controller.signal })).rejects.toThrow('cancelled');
    expect(applied).toEqual([]);
    expect(applies()).toBe(0);
  });
});
