import {
  Button,
  Checkbox,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  Textarea,
  Title2,
  makeStyles,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Finding } from '../engine/checks/findings';
import { periodFromIso } from '../engine/tally/period';
import { InputError } from '../errors';
import { builtInFramework, builtInFrameworkIds } from '../frameworks/load';
import { FilePicker } from './FilePicker';
import { FindingsList } from './FindingsList';
import { MappingPanel } from './MappingPanel';
import type { ReturnSession } from './returnSession';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '16px', maxWidth: '720px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end' },
});

/** What the pane needs from where it runs: Excel with the open workbook, or a browser with files. */
export type PaneHost =
  | {
      kind: 'excel';
      /** The open workbook. */
      current: ReturnSession;
      /** Selects a finding's cell in the sheet. */
      showCell(session: ReturnSession, cell: string): Promise<void>;
      /** The cell the person has selected (the top-left one of a range), as Outputs!C20. */
      selectedCell(): Promise<string>;
      /**
       * Selects these cells together, on the sheet that holds most of them, so a person sees which cells are
       * mapped without their formatting being touched; with none, the selection goes back to one cell.
       */
      showCells(cells: string[]): Promise<void>;
      /** Opens the submission copy of the open workbook as a new workbook, for the person to save and send. */
      openSubmissionCopy(session: ReturnSession): Promise<{ removedSheets: string[] }>;
    }
  | {
      kind: 'browser';
      /** Reads a workbook file the user picked. */
      openFile(file: File): Promise<ReturnSession>;
      /** A new return filled from the bundled sample export. */
      openSample(frameworkId: string, from: string, to: string): Promise<ReturnSession>;
      /** Marks a finding's cell as selected. */
      showCell(session: ReturnSession, cell: string): Promise<void>;
      /** An independent copy of the workbook, to change without touching the original. */
      copy(session: ReturnSession): Promise<ReturnSession>;
      /** Offers the workbook, findings written in, as a download. */
      download(session: ReturnSession, fileName: string): Promise<void>;
      /** Offers a text file (a mapping) as a download. */
      saveText(fileName: string, text: string): Promise<void>;
    };

/** Runs one step of the pane, showing that it is under way and then its outcome or a clear message. */
export type RunStep = (what: string, action: () => Promise<string>) => Promise<void>;

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'error'; message: string } | { kind: 'done'; message: string };

/** The task pane: choose the framework and period, open a return or the sample, check it, explain queries, download. */
export function App({ host }: { host: PaneHost }) {
  const styles = useStyles();
  const [frameworkId, setFrameworkId] = useState(builtInFrameworkIds[0] ?? '');
  const [from, setFrom] = useState('2020-04-01');
  const [to, setTo] = useState('2020-09-30');
  const [session, setSession] = useState<ReturnSession | null>(host.kind === 'excel' ? host.current : null);
  const [pasted, setPasted] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [explanations, setExplanations] = useState<Map<string, string>>(new Map());
  const [selected, setSelected] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** The case sheets of the workbook in hand: a workbook holding them must not be what is sent. */
  const [caseSheets, setCaseSheets] = useState<string[]>([]);
  /** The open workbook does not say which return it is: the pane offers to map it; the count keeps each workbook's mapping apart. */
  const [unrecognised, setUnrecognised] = useState<{ opened: number } | null>(null);

  const run: RunStep = useCallback(async (what, action) => {
    setStatus({ kind: 'busy', what });
    try {
      setStatus({ kind: 'done', message: await action() });
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof InputError ? e.message : `Something went wrong: ${(e as Error).message}. Nothing was changed.` });
    }
  }, []);

  const check = (target: ReturnSession) =>
    run(`Checking ${target.name}`, async () => {
      const outcome = await target.check();
      setCaseSheets(await target.caseSheets());
      setFindings(outcome.findings);
      setExplanations(outcome.explanations);
      const count = (s: Finding['severity']) => outcome.findings.filter((f) => f.severity === s).length;
      return `Checked ${target.name}: ${count('error')} errors, ${count('query')} queries, ${count('info')} notes.`;
    });

  const open = (make: () => Promise<ReturnSession>, what: string) =>
    run(what, async () => {
      const opened = await make();
      setSession(opened);
      setCaseSheets(await opened.caseSheets());
      setFindings(null);
      setSelected(null);
      const known = await opened.recognised();
      setUnrecognised(known ? null : { opened: Date.now() });
      return known ? `Opened ${opened.name}.` : `Opened ${opened.name}. It does not say which return it is: if it is your commissioner's template, map it below.`;
    });

  useEffect(() => {
    if (host.kind === 'excel') void host.current.recognised().then((known) => setUnrecognised(known ? null : { opened: 0 }), () => undefined);
  }, [host]);

  const busy = status.kind === 'busy';
  const period = () => periodFromIso(from, to);
  const framework = () => builtInFramework(frameworkId);
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane}>
        <Title2 as="h1">Returns Assistant</Title2>
        <Text>Fill and check victim-services monitoring returns. Nothing leaves this computer.</Text>
        <div className={styles.row}>
          <Field label="Return">
            <Select value={frameworkId} onChange={(_, d) => setFrameworkId(d.value)}>
              {builtInFrameworkIds.map((id) => (
                <option key={id} value={id}>
                  {builtInFramework(id).title}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Period from">
            <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
          </Field>
          <Field label="Period to">
            <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
          </Field>
        </div>
        {host.kind === 'excel' ? (
          <>
            <div className={styles.row}>
              <Button disabled={busy} onClick={() => void run('Inserting the template', async () => {
                const p = period();
                await host.current.insertTemplate(framework(), p);
                setUnrecognised(null);
                return `Inserted the ${framework().title} template.`;
              })}>
                Insert template
              </Button>
            </div>
            <Field label="Case rows (optional): paste them here, or into the Case data sheet" hint="Copy the rows from your case-management export, with the header row.">
              <Textarea value={pasted} onChange={(_, d) => setPasted(d.value)} resize="vertical" />
            </Field>
            <Checkbox checked={overwrite} onChange={(_, d) => setOverwrite(d.checked === true)} label="Replace figures typed in the return (the typed values are kept in a Replaced values sheet)" />
            <div className={styles.row}>
              <Button appearance="primary" disabled={busy} onClick={() => void run('Filling the return from the case data', async () => {
                const report = await host.current.fill(framework(), period(), pasted.trim() ? pasted : null, overwrite);
                setCaseSheets(await host.current.caseSheets());
                const blank = Object.keys(report.blanked).length;
                return `Filled ${Object.keys(report.figures).length} figures with formulas from ${report.cases?.rows ?? 0} case rows${report.rowIssues.length ? `; the case data has ${report.rowIssues.length} row issues` : ''}.${
                  blank ? ` ${blank} figure${blank === 1 ? ' is' : 's are'} left blank: the export lacks a column ${blank === 1 ? 'it needs' : 'they need'} (see the note on each).` : ''
                }`;
              })}>
                Fill from case data
              </Button>
              <Button disabled={busy} onClick={() => void check(host.current)}>
                Check
              </Button>
              <Button disabled={busy || !findings} onClick={() => void run('Writing the findings into the workbook', async () => {
                setFindings(await host.current.writeFindings(explanations));
                return 'Wrote the findings, highlights and your explanations into the workbook.';
              })}>
                Write findings into the workbook
              </Button>
              <Button disabled={busy} onClick={() => void run('Preparing the submission copy', async () => {
                const { removedSheets } = await host.openSubmissionCopy(host.current);
                return `Opened the submission copy as a new workbook: figures, narrative and findings, values only${removedSheets.length ? `, without the ${removedSheets.map((s) => `"${s}"`).join(' and ')} sheet${removedSheets.length === 1 ? '' : 's'}` : ''}. Save it and send that one to the commissioner; this workbook stays as it is.`;
              })}>
                Prepare submission copy
              </Button>
            </div>
          </>
        ) : (
        <div className={styles.row}>
          <FilePicker inputLabel="Return workbook (.xlsx)" accept=".xlsx" appearance="primary" disabled={busy} onFile={(file) => void open(() => host.openFile(file), `Opening ${file.name}`)}>
            Open a return (.xlsx)
          </FilePicker>
          <Button disabled={busy} onClick={() => void open(() => { periodFromIso(from, to); return host.openSample(frameworkId, from, to); }, 'Filling a return from the sample export')}>
            Load sample
          </Button>
          <Button disabled={busy || !session} onClick={() => session && void check(session)}>
            Check
          </Button>
          <Button
            disabled={busy || !session || !findings}
            onClick={() =>
              session &&
              void run('Writing the findings into the workbook', async () => {
                setFindings(await session.writeFindings(explanations));
                const fileName = session.name.replace(/(\.xlsx)?$/i, ' - checked.xlsx');
                await host.download(session, fileName);
                return `Wrote the findings into ${fileName}.`;
              })
            }
          >
            Download checked workbook
          </Button>
          <Button
            disabled={busy || !session}
            onClick={() =>
              session &&
              void run('Preparing the submission copy', async () => {
                const copy = await host.copy(session);
                const { removedSheets } = await copy.prepareSubmission();
                const fileName = session.name.replace(/( - checked)?(\.xlsx)?$/i, ' - submission.xlsx');
                await host.download(copy, fileName);
                return `Wrote ${fileName}, the copy to send to the commissioner: figures, narrative and findings, values only${removedSheets.length ? `, without the ${removedSheets.map((s) => `"${s}"`).join(' and ')} sheet${removedSheets.length === 1 ? '' : 's'}` : ''}.`;
              })
            }
          >
            Prepare submission copy
          </Button>
        </div>
        )}
        {caseSheets.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              This workbook holds victims' case data (the {caseSheets.map((s) => `"${s}"`).join(' and ')} sheet{caseSheets.length === 1 ? '' : 's'}): keep it on this computer and do not send
              it. {host.kind === 'browser' ? 'Send the commissioner the copy from Prepare submission copy.' : 'Send the commissioner the copy that Prepare submission copy opens.'}
            </MessageBarBody>
          </MessageBar>
        )}
        {busy && <ProgressBar aria-label={status.what} />}
        <div aria-live="polite">
          {status.kind === 'busy' && <Text>{status.what}…</Text>}
          {status.kind === 'done' && (
            <MessageBar intent="success">
              <MessageBarBody>{status.message}</MessageBarBody>
            </MessageBar>
          )}
          {status.kind === 'error' && (
            <MessageBar intent="error">
              <MessageBarBody style={{ whiteSpace: 'pre-wrap' }}>{status.message}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {selected && <Text role="status">Selected {selected}</Text>}
        {session && unrecognised && (
          <MappingPanel key={unrecognised.opened} host={host} session={session} framework={framework()} run={run} busy={busy} />
        )}
        {findings && (
          <FindingsList
            findings={findings}
            explanations={explanations}
            onExplain={(key, text) => setExplanations((old) => new Map(old).set(key, text))}
            onSelect={(finding) => {
              const cell = finding.cells[0];
              if (session && cell) void host.showCell(session, cell).then(() => setSelected(cell));
            }}
          />
        )}
      </main>
    </FluentProvider>
  );
}
