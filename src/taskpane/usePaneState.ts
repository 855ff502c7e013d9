import { startTransition, useCallback, useRef, useState } from 'react';
import type { ReadReturn } from '../commands/readReturn';
import type { Finding } from '../engine/checks/findings';
import { rowIssueCount, type TallyReport } from '../engine/report/tallyReport';
import { InputError } from '../errors';
import { explanationsAfterCheck } from './explanations';
import { inPageTerms } from './pageWording';
import type { PaneSession, RunStep, StepControl } from './paneHost';
import { StepProgress } from './stepProgress';

/** Everything the pane knows about one open workbook; opening another replaces it whole. */
export interface OpenReturn {
  session: PaneSession;
  /** Tells one opened workbook from the next, so panels holding per-workbook state start afresh. */
  serial: number;
  /** Whether it says which return it is (ours, or a template mapped or being mapped): only then can it be checked. */
  recognised: boolean;
  /** It did not say which return it was when opened: the pane offers to map it, and keeps offering while it is open. */
  foreign: boolean;
  /** The case sheets it holds: while there are any, it is not the copy to send. */
  caseSheets: string[];
  /** The tally of the last fill. */
  tally: TallyReport | null;
  /** The last check: the return as read, and its findings. */
  checked: { read: ReadReturn; findings: Finding[] } | null;
  /** Explanations by finding key, as typed here or read from the workbook. */
  explanations: Map<string, string>;
  /** Explanations typed since the workbook was last written or downloaded. */
  unsaved: boolean;
}

export type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string; progress: StepProgress }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled'; message: string }
  | { kind: 'done'; message: string; intent: 'success' | 'warning' };

let serials = 0;

/** A workbook just opened (or the one open in Excel), as the pane first knows it. */
export async function describe(session: PaneSession): Promise<OpenReturn> {
  const recognised = await session.recognised();
  return { session, serial: ++serials, recognised, foreign: !recognised, caseSheets: await session.caseSheets(), tally: null, checked: null, explanations: new Map(), unsaved: false };
}

/** The pane's state: the open workbook (at most one) and the status of the step under way. */
export function usePaneState() {
  const [open, setOpen] = useState<OpenReturn | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const current = useRef(open);
  current.current = open;
  /** The changes to the open workbook the step under way ends with, kept to be drawn with its outcome. */
  const ending = useRef<(() => void)[] | null>(null);
  /**
   * Changes what the pane shows (the open workbook, the case rows given): at the end of the step under way, with
   * its outcome (see `runWith`); outside a step, now.
   */
  const atEnd = useCallback((change: () => void) => (ending.current ? void ending.current.push(change) : change()), []);

  /**
   * Runs a step; a step's outcome may be a warning, which is not shown as success; a cancelled step changes nothing.
   * What a step ends with (its outcome, and the workbook's new state) is drawn as one transition: React draws it in
   * slices, yielding to the page between them, where an ordinary update would draw the outcome, the findings and the
   * return at a glance in one task. One: React 19 draws each transition apart, and the outcome must not come first.
   */
  const runWith = useCallback(async (what: string, action: (step: StepControl) => Promise<{ message: string; intent: 'success' | 'warning' }>) => {
    const progress = new StepProgress();
    setStatus({ kind: 'busy', what, progress });
    const changes: (() => void)[] = (ending.current = []);
    let end: Status;
    try {
      end = { kind: 'done', ...(await action({ signal: progress.signal, onProgress: progress.report })) };
    } catch (e) {
      if (progress.signal.aborted) end = { kind: 'cancelled', message: cancelledMessage(what) };
      else end = { kind: 'error', message: e instanceof InputError ? inPageTerms(e.message) : `Something went wrong: ${(e as Error).message}. Nothing was changed.` };
    }
    ending.current = null;
    startTransition(() => {
      for (const change of changes) change();
      setStatus(end);
    });
  }, []);
  const run: RunStep = useCallback((what, action) => runWith(what, async (step) => ({ message: await action(step), intent: 'success' })), [runWith]);

  /**
   * Opens a workbook, and fills it when `filling` gives a fill (made first, so a wrong period changes nothing).
   * The workbook open before stays until the new one is ready: a cancelled open leaves it open, as it was; a
   * failed one lets it go too, so nothing half-opened is left to be mistaken for it.
   */
  const openWith = useCallback(
    (what: string, make: (step: StepControl) => Promise<PaneSession>, filling?: () => (session: PaneSession, step: StepControl) => Promise<TallyReport>) =>
      runWith(what, async (step) => {
        const fill = filling?.();
        const before = current.current;
        let session: PaneSession | null = null;
        let opened: OpenReturn;
        try {
          session = await make(step);
          const tally = fill ? await fill(session, step) : null;
          opened = { ...(await describe(session)), tally };
        } catch (e) {
          session?.release?.();
          if (!step.signal.aborted) {
            atEnd(() => setOpen(null));
            before?.session.release?.();
          }
          throw e;
        }
        session.keep?.();
        atEnd(() => setOpen(opened));
        if (before && before.session !== session) before.session.release?.();
        return opened.recognised
          ? { message: opened.tally ? fillMessage(session.name, opened.tally) : `Opened ${session.name}. Check it next.`, intent: 'success' }
          : { message: `Opened ${session.name}, but it does not say which return it is, so it cannot be checked yet. If it is your commissioner's template, map it below; otherwise open a return made with Returns Assistant.`, intent: 'warning' };
      }),
    [runWith, atEnd],
  );

  /** Re-reads what the open workbook holds after a step changed it; a fill makes the last check out of date. */
  const refresh = useCallback(async (session: PaneSession, tally?: TallyReport) => {
    const fresh = await describe(session);
    atEnd(() =>
      setOpen((old) =>
        old && old.session === session ? { ...old, recognised: fresh.recognised, caseSheets: fresh.caseSheets, ...(tally ? { tally, checked: null } : {}) } : { ...fresh, tally: tally ?? null },
      ),
    );
  }, [atEnd]);

  const check = useCallback(
    (session: PaneSession) =>
      runWith(`Checking ${session.name}`, async (step) => {
        const outcome = await session.check(step);
        const fresh = await describe(session);
        atEnd(() =>
          setOpen((old) => {
            const base = old && old.session === session ? old : fresh;
            return { ...base, recognised: true, checked: { read: outcome.read, findings: outcome.findings }, explanations: explanationsAfterCheck(outcome.findings, base.explanations, outcome.explanations) };
          }),
        );
        const count = (s: Finding['severity']) => outcome.findings.filter((f) => f.severity === s).length;
        return { message: `Checked ${session.name}: ${count('error')} errors, ${count('query')} queries, ${count('info')} notes.`, intent: 'success' };
      }),
    [runWith, atEnd],
  );

  const explain = useCallback((key: string, text: string) => setOpen((old) => old && { ...old, explanations: new Map(old.explanations).set(key, text), unsaved: true }), []);
  const saved = useCallback(() => atEnd(() => setOpen((old) => old && (old.unsaved ? { ...old, unsaved: false } : old))), [atEnd]);
  /** The findings as written into the workbook: where they are the ones shown, nothing is drawn again. */
  const setFindings = useCallback(
    (findings: Finding[]) => atEnd(() => setOpen((old) => old && old.checked && (sameFindings(old.checked.findings, findings) ? old : { ...old, checked: { ...old.checked, findings } }))),
    [atEnd],
  );

  return { open, setOpen, status, run, openWith, refresh, check, explain, saved, setFindings, atEnd };
}

/** Whether two lists of findings say the same (a workbook's findings as written, against those its check gave). */
const sameFindings = (a: readonly Finding[], b: readonly Finding[]) => a.length === b.length && JSON.stringify(a) === JSON.stringify(b);

/** What a cancelled step says: that it stopped, that nothing changed, and what to do next. */
export function cancelledMessage(what: string): string {
  return `Cancelled: ${what.charAt(0).toLowerCase()}${what.slice(1)} was stopped, and nothing was changed: the page is as it was before. Start it again when you are ready.`;
}

/** "Filled sample-return.xlsx: 678 figures from 16 case rows …". */
export function fillMessage(name: string, tally: TallyReport): string {
  const blank = Object.keys(tally.blanked).length;
  const issues = rowIssueCount(tally);
  return `Filled ${name}: ${Object.keys(tally.figures).length} figures from ${tally.cases?.rows ?? 0} case rows${issues ? `; ${tally.events?.length ? 'the case data and its event tables have' : 'the case data has'} ${issues} row issue${issues === 1 ? '' : 's'} (listed below)` : ''}.${
    blank ? ` ${blank} figure${blank === 1 ? ' is' : 's are'} left blank: the export lacks a column ${blank === 1 ? 'it needs' : 'they need'}.` : ''
  } Check it next.`;
}

export type PaneState = ReturnType<typeof usePaneState>;
