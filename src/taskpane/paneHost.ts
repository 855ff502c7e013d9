import type { TemplateMapping } from '../commands/mapTemplate';
import type { Finding } from '../engine/checks/findings';
import type { ReturnData } from '../engine/checks/returnData';
import type { Mapping } from '../engine/mapping/mapping';
import type { RunOptions } from '../engine/progress';
import type { TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import type { Framework } from '../frameworks/schema';
import type { CaseSource, GivenRows } from './caseSource';
import type { CheckOutcome, ReturnSession } from './returnSession';

/**
 * A workbook as the pane's steps work on it: in Excel the open one (a ReturnSession), in the page one held in
 * the page's worker. `options` carry a step's progress and cancel.
 */
export interface PaneSession {
  readonly name: string;
  recognised(): Promise<boolean>;
  caseSheets(): Promise<string[]>;
  fill(framework: Framework, period: Period, given: GivenRows, overwrite?: boolean, profile?: string | null, options?: RunOptions): Promise<TallyReport>;
  check(options?: RunOptions): Promise<CheckOutcome>;
  writeFindings(explanations: ReadonlyMap<string, string>, options?: RunOptions): Promise<Finding[]>;
  map(framework: Framework, previous?: Mapping | null): Promise<TemplateMapping>;
  useMapping(mapping: Mapping): void;
  saveMapping(mapping: Mapping, framework: Framework): Promise<void>;
  /** The page keeps this workbook (it is the open one now). */
  keep?(): void;
  /** The page lets this workbook go (another replaced it, or its opening failed or was cancelled). */
  release?(): void;
}

/** The pane inside Excel: it works on the open workbook, and shows cells by selecting them. */
export interface ExcelPaneHost {
  kind: 'excel';
  /** The open workbook. */
  current: ReturnSession;
  /** Selects a cell (Outputs!C20) in the sheet. */
  showCell(session: PaneSession, cell: string): Promise<void>;
  /**
   * Selects these cells together, on the sheet that holds most of them, so a person sees which cells are
   * mapped without their formatting being touched; with none, the selection goes back to one cell.
   */
  showCells(cells: string[]): Promise<void>;
  /** The cell the person has selected (the top-left one of a range), as Outputs!C20. */
  selectedCell(): Promise<string>;
  /** Calls back with the selected cell whenever the person selects another; resolves to how to stop. */
  onSelectionChanged(listener: (cell: string) => void): Promise<() => Promise<void>>;
  /** Opens the submission copy of the open workbook as a new workbook, for the person to save and send. */
  openSubmissionCopy(session: PaneSession): Promise<{ removedSheets: string[] }>;
  /** Puts the meeting pack's charts of the return, as native charts, on a new sheet of the open workbook. */
  insertCharts(data: ReturnData): Promise<{ sheet: string; charts: number }>;
}

/** The pane as a page in a browser: workbooks are files read and written in the page; nothing leaves it. */
export interface BrowserPaneHost {
  kind: 'browser';
  /** Reads a workbook file the person picked. */
  openFile(file: File, options?: RunOptions): Promise<BrowserSession>;
  /** A new, empty workbook to fill a return into. */
  newReturn(name: string, options?: RunOptions): Promise<BrowserSession>;
  /** How many case rows the case data holds (read where the work runs, and let go). */
  countCases(cases: CaseSource, options?: RunOptions): Promise<number>;
  /** The bundled sample export, as text. */
  sampleCases(): Promise<string>;
  /** Marks a cell as shown: a file has no cursor to move. */
  showCell(session: PaneSession, cell: string): Promise<void>;
  /** An independent copy of the workbook, to change without touching the original. */
  copy(session: PaneSession, options?: RunOptions): Promise<BrowserSession>;
  /** Offers the workbook as a download. */
  download(session: PaneSession, fileName: string, options?: RunOptions): Promise<void>;
  /** Offers a text file (a mapping, findings as CSV) as a download. */
  saveText(fileName: string, text: string, type?: string): Promise<void>;
}

/** A workbook in the page, which can also be turned into the copy to send. */
export interface BrowserSession extends PaneSession {
  prepareSubmission(options?: RunOptions): Promise<{ removedSheets: string[] }>;
}

/** What the pane needs from where it runs: Excel with the open workbook, or a browser with files. */
export type PaneHost = ExcelPaneHost | BrowserPaneHost;

/** A step's progress and cancel, handed to the work it runs. */
export type StepControl = Required<RunOptions>;

/**
 * Runs one step of the pane, showing that it is under way (its stage and how far it has got, with a Cancel) and
 * then its outcome, a clear message, or that it was cancelled and nothing changed.
 */
export type RunStep = (what: string, action: (step: StepControl) => Promise<string>) => Promise<void>;
