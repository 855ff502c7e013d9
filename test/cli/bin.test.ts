import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The installed command as a user runs it: `npm test` builds dist/ first. */
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'returns.js');

describe('bin/returns.js', () => {
  it('tallies the bundled sample', () => {
    const out = execFileSync(process.execPath, [BIN, 'tally', 'samples/cambridgeshire-cases.csv', '--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(out);
    expect(report.figures['referrals.total']).toBeGreaterThan(500);
  });

  it('exits 2 with a message and no stack trace on bad input', () => {
    const result = spawnSync(process.execPath, [BIN, 'tally', 'missing.csv', '--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('Cannot read missing.csv: there is no such file. Check the path and try again.\n');
  });

  it('stops quietly when the reader closes the pipe early, as `| head` does', async () => {
    const child = spawn(process.execPath, [BIN, 'tally', 'samples/cambridgeshire-cases.csv', '--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30', '--json'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
