/** @jest-environment jsdom */
import { whenInExcel } from '../../src/taskpane/officeLoad';

describe('Office.js loaded without blocking the page', () => {
  const office = (host: string) => ({ HostType: { Excel: 'Excel' }, onReady: (callback: (info: { host: string }) => void) => Promise.resolve(callback({ host })) });
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  it('switches to Excel only once the script has loaded and Office says it runs in Excel', async () => {
    const script = document.createElement('script');
    const then = jest.fn();
    whenInExcel(script, then);
    await Promise.resolve();
    expect(then).not.toHaveBeenCalled();
    Object.assign(globalThis, { Office: office('Excel') });
    script.dispatchEvent(new Event('load'));
    await Promise.resolve();
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('stays on files when Office.js loads outside Excel, or never loads', async () => {
    const script = document.createElement('script');
    const then = jest.fn();
    whenInExcel(script, then);
    script.dispatchEvent(new Event('error'));
    Object.assign(globalThis, { Office: office('Word') });
    whenInExcel(null, then);
    await Promise.resolve();
    expect(then).not.toHaveBeenCalled();
  });
});
