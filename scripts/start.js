#!/usr/bin/env node
// `npm start`: serves the task pane and the standalone page on https://localhost:3000, and says how to use them.
const { spawn } = require('node:child_process');

const server = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'], { stdio: ['inherit', 'pipe', 'inherit'] });
let told = false;
server.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  if (!told && /compiled/.test(text)) {
    told = true;
    process.stdout.write(`
Returns Assistant is being served (press Ctrl+C to stop):

  Standalone page   https://localhost:3000/taskpane.html
                    Open it in a browser (accept the local certificate once), then "Load sample" or open a
                    return .xlsx. Nothing leaves the page.
  Add-in manifest   https://localhost:3000/manifest.xml  (also ./manifest.xml)
                    Excel on the web: Insert > Add-ins > More add-ins > Upload my add-in > manifest.xml.
                    Excel for Windows or Mac: npm run sideload  (Windows or Mac)

  Command line      npx returns tally samples/cambridgeshire-cases.csv --framework cambridgeshire --from 2020-04-01 --to 2020-09-30
`);
  }
  if (/ERROR in|compiled with \d+ errors?/.test(text)) process.stdout.write(text);
});
server.on('exit', (code) => process.exit(code ?? 0));
