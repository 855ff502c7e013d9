import { createRoot } from 'react-dom/client';
import { App } from './App';
import { browserHost } from './browserHost';

/** The pane starts in the browser host; Office.js, when it loaded, is waited for first so Excel is ready. */
function start() {
  createRoot(document.getElementById('root')!).render(<App host={browserHost()} />);
}

if (typeof Office !== 'undefined') void Office.onReady(() => start());
else start();
