import { createRoot } from 'react-dom/client';
import { App } from './App';
import { browserHost } from './browserHost';
import { excelHost } from './excelHost';

/** In Excel the pane works on the open workbook; anywhere else (or when Office.js cannot load) on files. */
function start(inExcel: boolean) {
  createRoot(document.getElementById('root')!).render(<App host={inExcel ? excelHost() : browserHost()} />);
}

if (typeof Office !== 'undefined') void Office.onReady((info) => start(info.host === Office.HostType.Excel));
else start(false);
