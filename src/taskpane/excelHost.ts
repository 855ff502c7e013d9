import { periodCharts } from '../engine/report/periodCharts';
import { insertMeetingCharts } from '../workbook/meetingChartsSheet';
import { OfficeSelection } from '../workbook/officeSelection';
import { OfficeWorkbook, type ExcelRun } from '../workbook/officeWorkbook';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import { base64Of, readDocument, type FileSource } from './documentFile';
import type { ExcelPaneHost } from './paneHost';
import { ReturnSession } from './returnSession';
import { fillInWorker } from './worker/fillInWorker';

/** What the pane needs from Office.js, passed in so that tests can give a fake. */
export interface OfficeApi {
  run: ExcelRun;
  document: FileSource;
  createWorkbook(base64: string): Promise<void>;
}

const office: () => OfficeApi = () => ({ run: (batch) => Excel.run(batch), document: Office.context.document, createWorkbook: (base64) => Excel.createWorkbook(base64) });

/** The pane inside Excel: it works on the open workbook through the workbook port, and shows cells by selecting them. */
export function excelHost(api: OfficeApi = office()): ExcelPaneHost {
  const selection = new OfficeSelection(api.run);
  return {
    kind: 'excel',
    // The rows are read and counted in a worker; only Office.js calls run on the pane's own thread.
    current: new ReturnSession(new OfficeWorkbook(api.run), 'this workbook', fillInWorker),
    showCell: (_, cell) => selection.select(cell),
    showCells: (cells) => selection.selectMany(cells),
    selectedCell: () => selection.selected(),
    onSelectionChanged: (listener) => selection.onChange(listener),
    async openSubmissionCopy(session) {
      // Made from the open workbook's file: the workbook with its cases stays as it is.
      const workbook = await XlsxWorkbook.fromBytes(await readDocument(api.document), session.name);
      const submission = await new ReturnSession(workbook, session.name).prepareSubmission();
      await api.createWorkbook(base64Of(await workbook.toBytes()));
      return submission;
    },
    insertCharts: (data) => insertMeetingCharts(api.run, periodCharts([data])),
  };
}
