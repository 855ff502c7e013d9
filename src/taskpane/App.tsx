import { FluentProvider, MessageBar, MessageBarBody, Text, Title2, makeStyles, webLightTheme } from '@fluentui/react-components';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Finding } from '../engine/checks/findings';
import type { ReturnData } from '../engine/checks/returnData';
import { periodToIso } from '../engine/tally/period';
import { BrowserSendStep } from './BrowserSendStep';
import { BrowserSteps } from './BrowserSteps';
import { CaseDataWarning } from './CaseDataWarning';
import { ExcelSteps } from './ExcelSteps';
import { FindingsExport } from './FindingsExport';
import { FindingsList } from './FindingsList';
import { MappingPanel } from './MappingPanel';
import { periodOfControls } from './pageWording';
import { frameworkFromFile, paneFramework, paneFrameworks, rememberFramework } from './paneFrameworks';
import type { PaneHost, RunStep } from './paneHost';
import { ReturnControls, type ReturnChoice } from './ReturnControls';
import { figureAt, returnFigures } from './returnFigures';
import { ReturnView } from './ReturnView';
import { SelectedFigure } from './SelectedFigure';
import { StatusLine } from './StatusLine';
import { TallySummary } from './TallySummary';
import { describe, usePaneState } from './usePaneState';
import { useUnsavedWarning } from './useUnsavedWarning';

const useStyles = makeStyles({
  // An Excel task pane can be 300 px wide: nothing may be wider than the pane.
  pane: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', maxWidth: '720px', boxSizing: 'border-box', overflowWrap: 'anywhere' },
});

/** The task pane, in Excel or as a page: choose the return and period, fill, check, explain, send. */
export function App({ host }: { host: PaneHost }) {
  const styles = useStyles();
  const [choice, setChoice] = useState<ReturnChoice>({ frameworkId: paneFrameworks()[0]?.id ?? '', from: '2020-04-01', to: '2020-09-30', profile: null });
  const [frameworks, setFrameworks] = useState(paneFrameworks);
  const pane = usePaneState();
  const { open, status, setOpen } = pane;
  const [shown, setShown] = useState<{ finding: Finding; cell: string } | null>(null);
  useUnsavedWarning(open?.unsaved === true);

  useEffect(() => {
    if (host.kind === 'excel') void describe(host.current).then(setOpen, () => undefined);
  }, [host, setOpen]);
  useEffect(() => setShown(null), [open?.serial, open?.checked]);
  // A big return's figures and findings are drawn in the background, a slice at a time, so the page stays responsive.
  const checked = useDeferredValue(open?.checked ?? null);
  const sections = useMemo(() => (checked ? returnFigures(checked.read, checked.findings) : []), [checked]);
  const selectedCell = useSelectedCell(host, checked !== null);
  const openSession = open?.session ?? null;
  // The same function while the workbook is the same, so the findings are not drawn again at every step.
  const showCell = useCallback((finding: Finding, cell: string) => void (openSession && host.showCell(openSession, cell).then(() => setShown({ finding, cell }))), [host, openSession]);

  const busy = status.kind === 'busy';
  const eventTables = frameworks.find((f) => f.id === choice.frameworkId)?.events ?? [];
  const chosen = () => ({ framework: paneFramework(choice.frameworkId), period: periodOfControls(choice.from, choice.to), profile: choice.profile });
  const loadFramework = (file: File) =>
    void pane.run(`Loading ${file.name}`, async () => {
      const framework = frameworkFromFile(file.name, await file.text());
      rememberFramework(framework);
      setFrameworks(paneFrameworks());
      setChoice((old) => ({ ...old, frameworkId: framework.id, profile: null }));
      return `Loaded the ${framework.title} from ${file.name}. It is chosen above: fill or check a return with it.`;
    });
  // A mapping step changes whether the workbook can be checked: the pane reads that again after each.
  const runThenRefresh: RunStep = (what, action) => pane.run(what, async (step) => {
    const message = await action(step);
    if (open) await pane.refresh(open.session);
    return message;
  });
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane}>
        <Title2 as="h1">Returns Assistant</Title2>
        <Text>
          {host.kind === 'excel'
            ? 'Fill and check the victim-services monitoring return open in Excel. Nothing leaves this computer.'
            : 'Fill and check a victim-services monitoring return: the workbook of figures your commissioner asks for each period. Start from your case-management export (CSV, TSV or .xlsx) to fill a new return, or open a return you already have to check it. Nothing leaves this computer.'}
        </Text>
        <ReturnControls value={choice} onChange={setChoice} frameworks={frameworks} onFrameworkFile={loadFramework} busy={busy} />
        {host.kind === 'excel' ? (
          <ExcelSteps host={host} pane={pane} chosen={chosen} eventTables={eventTables} busy={busy} />
        ) : (
          <>
            <BrowserSteps host={host} pane={pane} chosen={chosen} eventTables={eventTables} busy={busy} />
            <BrowserSendStep host={host} pane={pane} busy={busy} />
          </>
        )}
        <StatusLine status={status} />
        {open && <CaseDataWarning sheets={open.caseSheets} inExcel={host.kind === 'excel'} />}
        {open?.checked && <ChoiceDiffers choice={choice} checked={open.checked.read.data} />}
        {open?.tally && <TallySummary tally={open.tally} />}
        {open?.foreign && <MappingPanel key={open.serial} host={host} session={open.session} framework={chosen().framework} run={runThenRefresh} busy={busy} />}
        {open && checked && (
          <>
            {selectedCell && <SelectedFigure framework={checked.read.data.framework} cell={selectedCell} figure={figureAt(sections, selectedCell)} />}
            <ReturnView read={checked.read} sections={sections} findings={checked.findings} tally={open.tally} explanations={open.explanations} marked={shown?.cell ?? null} />
            <FindingsExport host={host} name={open.session.name} findings={checked.findings} explanations={open.explanations} run={pane.run} busy={busy} />
            <FindingsList
              findings={checked.findings}
              explanations={open.explanations}
              onExplain={pane.explain}
              shown={shown}
              onShow={showCell}
            />
          </>
        )}
      </main>
    </FluentProvider>
  );
}

/** A check reads the return and period from the workbook's own cells: the pane says so when the controls differ. */
function ChoiceDiffers({ choice, checked }: { choice: ReturnChoice; checked: Pick<ReturnData, 'framework' | 'period'> }) {
  const period = checked.period ? periodToIso(checked.period) : null;
  const differs = checked.framework.id !== choice.frameworkId || (period !== null && (period.from !== choice.from || period.to !== choice.to));
  if (!differs) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        This workbook is the {checked.framework.title}
        {period ? ` for ${period.from} to ${period.to}` : ''}, as its own cells say, and was checked as that. The Return and Period above are what a fill uses.
      </MessageBarBody>
    </MessageBar>
  );
}

/** In Excel, the cell the person selects, followed while the return has been checked; elsewhere none. */
function useSelectedCell(host: PaneHost, following: boolean): string | null {
  const [cell, setCell] = useState<string | null>(null);
  useEffect(() => {
    if (host.kind !== 'excel' || !following) return;
    let stop: (() => Promise<void>) | null = null;
    let gone = false;
    void host.onSelectionChanged(setCell).then(
      (remove) => (gone ? void remove() : (stop = remove)),
      () => undefined,
    );
    return () => {
      gone = true;
      void stop?.();
    };
  }, [host, following]);
  return cell;
}
