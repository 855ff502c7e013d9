import { builtInFramework } from '../frameworks/load';
import { periodFromIso } from '../engine/tally/period';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import type { PaneHost } from './App';
import { ReturnSession } from './returnSession';

/** The pane in a plain browser: workbooks are files read and written in the page; nothing leaves it. */
export function browserHost(): PaneHost {
  const workbooks = new WeakMap<ReturnSession, XlsxWorkbook>();
  const session = (workbook: XlsxWorkbook, name: string) => {
    const s = new ReturnSession(workbook, name);
    workbooks.set(s, workbook);
    return s;
  };
  return {
    kind: 'browser',
    async openFile(file) {
      return session(await XlsxWorkbook.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name), file.name);
    },
    async openSample(frameworkId, from, to) {
      // The sample is served with the page itself: same origin, no other request.
      const response = await fetch('sample/cambridgeshire-cases.csv');
      const text = await response.text();
      const s = session(XlsxWorkbook.create(), 'sample-return.xlsx');
      await s.fill(builtInFramework(frameworkId), periodFromIso(from, to), text);
      return s;
    },
    async copy(s) {
      // The submission copy is made from a copy: the workbook with its cases stays as it is.
      return session(await XlsxWorkbook.fromBytes(await workbooks.get(s)!.toBytes(), s.name), s.name);
    },
    async showCell() {
      // A file has no cursor to move: the pane marks the cell as selected.
    },
    async download(s, fileName) {
      const bytes = await workbooks.get(s)!.toBytes();
      offer(new Blob([Uint8Array.from(bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
    },
    async saveText(fileName, text) {
      offer(new Blob([text], { type: 'application/json' }), fileName);
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
