import { InputError } from '../errors';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import type { BrowserPaneHost } from './paneHost';
import { ReturnSession } from './returnSession';

/** The pane in a plain browser: workbooks are files read and written in the page; nothing leaves it. */
export function browserHost(): BrowserPaneHost {
  const workbooks = new WeakMap<ReturnSession, XlsxWorkbook>();
  const session = (workbook: XlsxWorkbook, name: string) => {
    const s = new ReturnSession(workbook, name);
    workbooks.set(s, workbook);
    return s;
  };
  return {
    kind: 'browser',
    async openFile(file) {
      if (file.size === 0) throw new InputError(`${file.name} is empty (0 bytes): it was not saved completely. Save it again from Excel, then open it here.`);
      return session(await XlsxWorkbook.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name), file.name);
    },
    newReturn(name) {
      return session(XlsxWorkbook.create(), name);
    },
    async sampleCases() {
      // The sample is served with the page itself: same origin, no other request.
      const response = await fetch('sample/cambridgeshire-cases.csv');
      if (!response.ok) throw new InputError('The sample export could not be read from this page’s folder. Open your own case data instead.');
      return response.text();
    },
    async copy(s) {
      // The submission copy is made from a copy: the workbook with its cases stays as it is.
      return session(await XlsxWorkbook.fromBytes(await workbooks.get(s)!.toBytes(), s.name), s.name);
    },
    async showCell() {
      // A file has no cursor to move: the pane marks the figure itself.
    },
    async download(s, fileName) {
      const bytes = await workbooks.get(s)!.toBytes();
      offer(new Blob([Uint8Array.from(bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
    },
    async saveText(fileName, text, type = 'application/json') {
      offer(new Blob([text], { type }), fileName);
    },
  };
}

/** Hands a file made in the page to the browser's downloads. */
function offer(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
