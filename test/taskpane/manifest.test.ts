/** @jest-environment jsdom */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The manifest checked offline (office-addin-manifest validate posts it to a Microsoft service this machine
 * cannot reach): well-formed, top-level elements in the schema's order, https everywhere, every resource id
 * defined, every icon present.
 */
const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const all = (tag: string) => [...doc.getElementsByTagName('*')].filter((e) => e.localName === tag);

const SCHEMA_ORDER = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides'];

describe('manifest.xml', () => {
  it('is well-formed XML, a task-pane add-in for Excel', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(doc.documentElement.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(all('Host').map((h) => h.getAttribute('Name') ?? h.getAttribute('xsi:type'))).toEqual(['Workbook', 'Workbook']);
    expect(all('Permissions')[0]?.textContent).toBe('ReadWriteDocument');
    expect(all('Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', '1.10']]);
  });

  it('has its top-level elements in the order the schema requires', () => {
    const order = [...doc.documentElement.children].map((e) => e.localName);
    const positions = order.map((name) => SCHEMA_ORDER.indexOf(name));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('serves the task pane from https://localhost:3000/taskpane.html, and every URL is https', () => {
    expect(all('SourceLocation')[0]?.getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it('defines every resource id it uses', () => {
    const defined = new Set(all('Resources').flatMap((r) => [...r.getElementsByTagName('*')].map((e) => e.getAttribute('id')).filter(Boolean)));
    const used = [...doc.getElementsByTagName('*')].map((e) => e.getAttribute('resid')).filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(5);
    for (const resid of used) expect(defined).toContain(resid);
  });

  it('names icons that exist in assets/, at 16, 32, 64 and 80 pixels', () => {
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map((m) => m[1]!);
    expect(new Set(icons)).toEqual(new Set(['assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']));
    for (const icon of icons) expect(existsSync(join(ROOT, icon))).toBe(true);
  });
});
