import { createRoot } from 'react-dom/client';
import { App } from './App';
import { browserHost } from './browserHost';
import { excelHost } from './excelHost';
import { whenInExcel } from './officeLoad';

// The page draws at once on files; once Office.js has loaded in Excel, the pane works on the open workbook.
const root = createRoot(document.getElementById('root')!);
root.render(<App key="browser" host={browserHost()} />);
whenInExcel(document.getElementById('office-js') as HTMLScriptElement | null, () => root.render(<App key="excel" host={excelHost()} />));
