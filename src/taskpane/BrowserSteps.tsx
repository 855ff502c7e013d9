import { Button, Checkbox, Text, Title3, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { EventTable, Framework } from '../frameworks/schema';
import type { Period } from '../engine/tally/period';
import type { GivenRows } from './caseSource';
import { CaseDataInput, sourceOf, type CaseRows } from './CaseDataInput';
import { EventRowsInput, eventSourcesOf, type EventRowsGiven } from './EventRowsInput';
import { FilePicker } from './FilePicker';
import type { BrowserPaneHost } from './paneHost';
import { fillMessage, type PaneState } from './usePaneState';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

export interface StepsProps {
  pane: PaneState;
  /** The return and period in the controls, or a message saying what is wrong with them. */
  chosen(): { framework: Framework; period: Period; profile: string | null };
  /** The event tables of the return chosen: each gets its own rows beside the case data. */
  eventTables: readonly EventTable[];
  busy: boolean;
}

/** The page's steps: open a return or case data, fill, check, download. */
export function BrowserSteps({ host, pane, chosen, eventTables, busy }: StepsProps & { host: BrowserPaneHost }) {
  const styles = useStyles();
  const [rows, setRows] = useState<CaseRows>(null);
  const [events, setEvents] = useState<EventRowsGiven>({});
  /** The case rows and event rows given, read when a fill starts. */
  const given = async (): Promise<GivenRows> => ({ cases: await sourceOf(rows), events: await eventSourcesOf(eventTables, events) });
  const [overwrite, setOverwrite] = useState(false);
  const open = pane.open;
  const session = open?.session ?? null;

  /** Fills a new return from case data read when the fill starts. */
  const fillNew = (name: string, rowsGiven: () => Promise<GivenRows>) =>
    pane.openWith(`Filling ${name} from the case data`, (step) => host.newReturn(name, step), () => {
      const { framework, period, profile } = chosen();
      return async (s, step) => s.fill(framework, period, await rowsGiven(), false, profile, step);
    });
  const newName = rows?.kind === 'file' ? `${rows.name.replace(/\.[^.]*$/, '')} - return.xlsx` : 'return.xlsx';

  return (
    <>
      <section className={styles.step} aria-labelledby="step-open">
        <Title3 as="h2" id="step-open">
          1. Open a return, or start from case data
        </Title3>
        <div className={styles.row}>
          <FilePicker inputLabel="Return workbook (.xlsx)" accept=".xlsx" appearance="primary" disabled={busy} onFile={(file) => void pane.openWith(`Opening ${file.name}`, (step) => host.openFile(file, step))}>
            Open a return (.xlsx)
          </FilePicker>
          <Button disabled={busy} onClick={() => void fillNew('sample-return.xlsx', async () => ({ cases: { kind: 'text', text: await host.sampleCases(), name: 'the sample export' }, events: [] }))}>
            Load sample
          </Button>
        </div>
        <Text weight="semibold" role="status">
          {session ? `Open: ${session.name}` : 'No workbook open.'}
        </Text>
      </section>
      <section className={styles.step} aria-labelledby="step-fill">
        <Title3 as="h2" id="step-fill">
          2. Fill from case data
        </Title3>
        <CaseDataInput rows={rows} onRows={(given) => pane.atEnd(() => setRows(given))} countRows={host.countCases} run={pane.run} busy={busy} pasteLabel="Or paste case rows here" />
        <EventRowsInput tables={eventTables} given={events} onGiven={(given) => pane.atEnd(() => setEvents(given))} countRows={host.countCases} run={pane.run} busy={busy} />
        <Checkbox checked={overwrite} onChange={(_, d) => setOverwrite(d.checked === true)} label="Replace figures typed in the return (the typed values are kept in a Replaced values sheet)" />
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy || !rows} onClick={() => void fillNew(newName, given)}>
            Fill a new return
          </Button>
          {session && (
            <Button
              disabled={busy || !rows}
              onClick={() =>
                void pane.run(`Filling ${session.name}`, async (step) => {
                  const { framework, period, profile } = chosen();
                  const tally = await session.fill(framework, period, await given(), overwrite, profile, step);
                  await pane.refresh(session, tally);
                  return fillMessage(session.name, tally);
                })
              }
            >
              Fill {session.name}
            </Button>
          )}
        </div>
      </section>
    </>
  );
}
