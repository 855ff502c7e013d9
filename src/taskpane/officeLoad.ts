/**
 * Calls back once Office.js has loaded and says it runs in Excel. Office.js comes from Microsoft's CDN with the
 * page's `async` script: when that host hangs or is blocked this never calls back, and the page works on files.
 */
export function whenInExcel(script: HTMLScriptElement | null, then: () => void): void {
  const ready = () => void Office.onReady((info) => info.host === Office.HostType.Excel && then());
  if (typeof Office !== 'undefined') ready();
  else script?.addEventListener('load', ready, { once: true });
}
