import type { ReturnData } from '../engine/checks/returnData';
import type { ReturnSession } from './returnSession';

/** The pane inside Excel: it works on the open workbook, and shows cells by selecting them. */
export interface ExcelPaneHost {
  kind: 'excel';
  /** The open workbook. */
  current: ReturnSession;
  /** Selects a cell (Outputs!C20) in the sheet. */
  showCell(session: ReturnSession, cell: string): Promise<void>;
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
  openSubmissionCopy(session: ReturnSession): Promise<{ removedSheets: string[] }>;
  /** Puts the meeting pack's charts of the return, as native charts, on a new sheet of the open workbook. */
  insertCharts(data: ReturnData): Promise<{ sheet: string; charts: number }>;
}

/** The pane as a page in a browser: workbooks are files read and written in the page; nothing leaves it. */
export interface BrowserPaneHost {
  kind: 'browser';
  /** Reads a workbook file the person picked. */
  openFile(file: File): Promise<ReturnSession>;
  /** A new, empty workbook to fill a return into. */
  newReturn(name: string): ReturnSession;
  /** The bundled sample export, as text. */
  sampleCases(): Promise<string>;
  /** Marks a cell as shown: a file has no cursor to move. */
  showCell(session: ReturnSession, cell: string): Promise<void>;
  /** An independent copy of the workbook, to change without touching the original. */
  copy(session: ReturnSession): Promise<ReturnSession>;
  /** Offers the workbook as a download. */
  download(session: ReturnSession, fileName: string): Promise<void>;
  /** Offers a text file (a mapping, findings as CSV) as a download. */
  saveText(fileName: string, text: string, type?: string): Promise<void>;
}

/** What the pane needs from where it runs: Excel with the open workbook, or a browser with files. */
export type PaneHost = ExcelPaneHost | BrowserPaneHost;

/** Runs one step of the pane, showing that it is under way and then its outcome or a clear message. */
export type RunStep = (what: string, action: () => Promise<string>) => Promise<void>;
