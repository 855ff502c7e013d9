import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleCsv } from './sample/sampleCsv';

/** Writes the bundled sample export (`npm run sample`). */
const out = join(__dirname, '..', 'samples', 'cambridgeshire-cases.csv');
writeFileSync(out, sampleCsv());
process.stdout.write(`Wrote ${out}\n`);
