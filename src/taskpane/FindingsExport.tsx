import { Button, makeStyles } from '@fluentui/react-components';
import type { Finding } from '../engine/checks/findings';
import { findingsCsv, findingsRows, findingsTsv } from './findingsTable';
import type { PaneHost, RunStep } from './paneHost';

const useStyles = makeStyles({ row: { display: 'flex', gap: '8px', flexWrap: 'wrap' } });

/** The findings taken elsewhere: a CSV file (in the page) and a table on the clipboard to paste into an email or sheet. */
export function FindingsExport({ host, name, findings, explanations, run, busy }: { host: PaneHost; name: string; findings: Finding[]; explanations: ReadonlyMap<string, string>; run: RunStep; busy: boolean }) {
  const styles = useStyles();
  const rows = () => findingsRows(findings, explanations);
  const fileName = `${name.replace(/\.xlsx$/i, '')} - findings.csv`;
  return (
    <div className={styles.row}>
      {host.kind === 'browser' && (
        <Button disabled={busy} onClick={() => void run('Exporting the findings', async () => (await host.saveText(fileName, findingsCsv(rows()), 'text/csv'), `Downloaded ${fileName}.`))}>
          Export findings (CSV)
        </Button>
      )}
      <Button
        disabled={busy}
        onClick={() =>
          void run('Copying the findings', async () => {
            await navigator.clipboard.writeText(findingsTsv(rows()));
            return `Copied ${findings.length} findings as a table: paste them into a sheet or an email.`;
          })
        }
      >
        Copy findings as a table
      </Button>
    </div>
  );
}
