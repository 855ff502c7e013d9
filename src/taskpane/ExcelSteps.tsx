import { Button, Checkbox, Title3, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { caseRowCount, caseTableOf, type CaseSource } from './caseSource';
import { CaseDataInput, sourceOf, type CaseRows } from './CaseDataInput';
import { EventRowsInput, eventSourcesOf, type EventRowsGiven } from './EventRowsInput';
import { CheckButton } from './CheckButton';
import { withoutSheets } from './pageWording';
import type { StepsProps } from './BrowserSteps';
import type { ExcelPaneHost } from './paneHost';
import { fillMessage } from './usePaneState';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

/** How many rows a table pasted or opened in the pane holds. */
const countRows = async (rows: CaseSource) => caseRowCount(await caseTableOf(rows));

/** The pane's steps in Excel, on the open workbook: insert the template, fill, check, write the findings in, make the copy to send. */
export function ExcelSteps({ host, pane, chosen, eventTables, busy }: StepsProps & { host: ExcelPaneHost }) {
  const styles = useStyles();
  const [rows, setRows] = useState<CaseRows>(null);
  const [events, setEvents] = useState<EventRowsGiven>({});
  const [overwrite, setOverwrite] = useState(false);
  const session = host.current;
  return (
    <>
      <section className={styles.step} aria-labelledby="step-fill">
        <Title3 as="h2" id="step-fill">
          1. Fill the return
        </Title3>
        <div className={styles.row}>
          <Button
            disabled={busy}
            onClick={() =>
              void pane.run('Inserting the template', async () => {
                const { framework, period, profile } = chosen();
                await session.insertTemplate(framework, period, profile);
                await pane.refresh(session);
                return `Inserted the ${framework.title} template. Paste the case rows into its Case data sheet or below, then fill it.`;
              })
            }
          >
            Insert template
          </Button>
        </div>
        <CaseDataInput rows={rows} onRows={(given) => pane.atEnd(() => setRows(given))} countRows={countRows} run={pane.run} busy={busy} pasteLabel="Case rows (optional): paste them here, or into the Case data sheet" />
        <EventRowsInput tables={eventTables} given={events} onGiven={(given) => pane.atEnd(() => setEvents(given))} countRows={countRows} run={pane.run} busy={busy} />
        <Checkbox checked={overwrite} onChange={(_, d) => setOverwrite(d.checked === true)} label="Replace figures typed in the return (the typed values are kept in a Replaced values sheet)" />
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              void pane.run('Filling the return from the case data', async (step) => {
                const { framework, period, profile } = chosen();
                const tally = await session.fill(framework, period, { cases: await sourceOf(rows), events: await eventSourcesOf(framework.events, events) }, overwrite, profile, step);
                await pane.refresh(session, tally);
                return fillMessage(session.name, tally);
              })
            }
          >
            Fill from case data
          </Button>
        </div>
      </section>
      <section className={styles.step} aria-labelledby="step-send">
        <Title3 as="h2" id="step-send">
          2. Check, explain and send
        </Title3>
        <div className={styles.row}>
          <CheckButton pane={pane} busy={busy} />
          <Button
            disabled={busy || !pane.open?.checked}
            onClick={() =>
              void pane.run('Writing the findings into the workbook', async () => {
                pane.setFindings(await session.writeFindings(pane.open?.explanations ?? new Map()));
                pane.saved();
                return 'Wrote the findings, highlights and your explanations into the workbook.';
              })
            }
          >
            Write findings into the workbook
          </Button>
          <Button
            disabled={busy}
            onClick={() =>
              void pane.run('Preparing the submission copy', async () => {
                const { removedSheets } = await host.openSubmissionCopy(session);
                return `Opened the submission copy as a new workbook: figures, narrative and findings, values only${withoutSheets(removedSheets)}. Save it and send that one to the commissioner; this workbook stays as it is.`;
              })
            }
          >
            Prepare submission copy
          </Button>
          <Button
            disabled={busy || !pane.open?.checked}
            onClick={() =>
              void pane.run('Inserting the charts', async () => {
                const checked = pane.open?.checked;
                if (!checked) return 'Check the return first: the charts show the figures as checked.';
                const { sheet, charts } = await host.insertCharts(checked.read.data);
                return `Inserted ${charts} chart${charts === 1 ? '' : 's'} of the return's breakdowns on the new sheet ${sheet}, as in the meeting pack.`;
              })
            }
          >
            Insert meeting charts
          </Button>
        </div>
      </section>
    </>
  );
}
