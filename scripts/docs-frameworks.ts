import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameworkDoc } from '../src/frameworks/frameworkDoc';
import { builtInFramework, builtInFrameworkIds } from '../src/frameworks/load';

/** Writes docs/frameworks/<id>.md for every built-in framework from its data (`npm run docs:frameworks`). */
for (const id of builtInFrameworkIds) {
  const path = join(__dirname, '..', 'docs', 'frameworks', `${id}.md`);
  writeFileSync(path, frameworkDoc(builtInFramework(id)));
  process.stdout.write(`Wrote ${path}\n`);
}
