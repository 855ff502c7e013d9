#!/usr/bin/env node
'use strict';
// The command-line tool: runs the CLI built into dist/ by `npm run build`.
let cli;
try {
  cli = require('../dist/node/cli/main.js');
} catch {
  process.stderr.write('returns: the command line tool is not built yet. Run `npm run build` (or `npm install`) first.\n');
  process.exit(2);
}
// A reader that stops early (`returns tally … --json | head`) closes the pipe: no fault, the rest was not wanted.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
