import { InputError } from '../errors';
import type { BrowserPaneHost, PaneSession } from './paneHost';
import { RemoteSession } from './worker/remoteSession';

/**
 * The pane in a plain browser: workbooks are files read and written in the page's own worker, so the page stays
 * responsive while they are; nothing leaves the page.
 */
export function browserHost(): BrowserPaneHost {
  const remote = (session: PaneSession) => {
    // Only this host makes the page's workbooks.
    if (!(session instanceof RemoteSession)) throw new Error('the workbook was not opened in this page');
    return session;
  };
  return {
    kind: 'browser',
    async openFile(file, options) {
      if (file.size === 0) throw new InputError(`${file.name} is empty (0 bytes): it was not saved completely. Save it again from Excel, then open it here.`);
      return RemoteSession.open(await file.arrayBuffer(), file.name, options);
    },
    newReturn: (name, options) => RemoteSession.create(name, options),
    countCases: (cases, options) => RemoteSession.countCases(cases, options),
    async sampleCases() {
      // The sample is served with the page itself: same origin, no other request.
      const response = await fetch('sample/cambridgeshire-cases.csv');
      if (!response.ok) throw new InputError('The sample export could not be read from this page’s folder. Open your own case data instead.');
      return response.text();
    },
    // The submission copy is made from a copy: the workbook with its cases stays as it is.
    copy: (session, options) => remote(session).copy(options),
    async showCell() {
      // A file has no cursor to move: the pane marks the figure itself.
    },
    async download(session, fileName, options) {
      offer(await remote(session).file(options), fileName);
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
