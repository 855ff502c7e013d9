import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleCsv } from '../../scripts/sample/sampleCsv';

describe('the bundled sample export', () => {
  it('is exactly what the generator makes from its fixed seed (regenerate with npm run sample)', () => {
    const bundled = readFileSync(join(__dirname, '..', '..', 'samples', 'cambridgeshire-cases.csv'), 'utf8');
    expect(bundled === sampleCsv()).toBe(true);
  });

  it('has thousands of rows with the quirks of a real export', () => {
    const text = sampleCsv();
    expect(text.split('\r\n').length).toBeGreaterThan(3000);
    for (const quirk of ['Client ID,Date referred,Referred by', 'Eligible (Y/N)', '31/06/2020', ',TRUE,', 'Worker,Team'])
      expect(text).toContain(quirk);
  });
});
