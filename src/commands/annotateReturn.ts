import type { Finding } from '../engine/checks/findings';
import { parseCell } from '../workbook/addresses';
import type { CellWrite, WorkbookOperation, WorkbookPort } from '../workbook/port';
import { STYLE_FILLS } from '../workbook/styles';
import { markKey, readMarks, recordOperations, unmarkOperations } from './cellMarks';
import type { ReadReturn } from './readReturn';

export const FINDINGS_SHEET = 'Findings';
const HEADERS = ['Severity', 'Message', 'What to do', 'Cell', 'Explanation (provider)', 'Rule', 'Figure'];
const EXPLANATION = 4;
const RULE = 5;
const FIGURE = 6;
const SEVERITY_LABEL = { error: 'Error', query: 'Query', info: 'Info' } as const;
const SEVERITY_ORDER = ['error', 'query', 'info'] as const;

/** A finding's key for carrying a provider's explanation from one check to the next: its rule and first figure. */
function keyOf(rule: string, figure: string): string {
  return `${rule}|${figure}`;
}

export function explanationKey(finding: Finding): string {
  return keyOf(finding.rule, finding.figures[0] ?? '');
}

/** The explanations a provider typed in the workbook's Findings sheet, by finding key. */
export async function readExplanations(port: WorkbookPort): Promise<Map<string, string>> {
  const explanations = new Map<string, string>();
  if (!(await port.sheetNames()).includes(FINDINGS_SHEET)) return explanations;
  for (const row of (await port.readUsed(FINDINGS_SHEET)).slice(1)) {
    const explanation = row.cells[EXPLANATION];
    if (typeof explanation === 'string' && explanation.trim()) explanations.set(keyOf(String(row.cells[RULE] ?? ''), String(row.cells[FIGURE] ?? '')), explanation);
  }
  return explanations;
}

/**
 * Writes findings back into the workbook: a Findings sheet (severity, message, what to do, links to the cells,
 * and a column for the provider's explanation), and on each figure cell a finding touches, a note listing them;
 * errors and queries colour the cell by severity. What a cell looked like before is recorded (cellMarks), so
 * running it again, or clearing, puts back the cell's own fill and note; explanations typed against a finding
 * that is still there are kept.
 */
export async function annotateReturn(port: WorkbookPort, read: ReadReturn, findings: Finding[], typedNow: ReadonlyMap<string, string> = new Map()): Promise<{ explanationsKept: number }> {
  const sheets = await port.sheetNames();
  const explanations = await readExplanations(port);

  // Explanations typed in the task pane just now win over those in the sheet.
  for (const [key, text] of typedNow) if (text.trim()) explanations.set(key, text.trim());

  const previous = await readMarks(port);
  const operations: WorkbookOperation[] = previous ? unmarkOperations(previous) : sheets.includes(FINDINGS_SHEET) ? await unmarkUnrecorded(port, read) : [];
  if (sheets.includes(FINDINGS_SHEET)) operations.push({ op: 'removeSheet', sheet: FINDINGS_SHEET });
  operations.push({ op: 'addSheet', sheet: FINDINGS_SHEET });

  let kept = 0;
  const rows: CellWrite[][] = findings.map((f) => {
    const explanation = explanations.get(explanationKey(f)) ?? null;
    if (explanation) kept++;
    return [SEVERITY_LABEL[f.severity], f.message, f.hint, null, explanation, f.rule, f.figures[0] ?? ''];
  });
  operations.push(
    { op: 'write', sheet: FINDINGS_SHEET, at: 'A1', rows: [HEADERS, ...rows] },
    { op: 'style', sheet: FINDINGS_SHEET, range: 'A1:G1', style: 'table_header' },
    { op: 'columnWidths', sheet: FINDINGS_SHEET, widths: [10, 70, 50, 18, 45, 26, 30] },
  );
  findings.forEach((finding, i) => {
    const row = i + 2;
    operations.push({ op: 'style', sheet: FINDINGS_SHEET, range: `A${row}`, style: finding.severity });
    operations.push({ op: 'style', sheet: FINDINGS_SHEET, range: `B${row}:C${row}`, style: 'label' });
    if (finding.severity === 'query') operations.push({ op: 'style', sheet: FINDINGS_SHEET, range: `E${row}`, style: 'text_input' });
    const first = finding.figures.map((id) => read.places.get(id)).find((p) => p !== undefined);
    if (first) operations.push({ op: 'link', sheet: FINDINGS_SHEET, cell: `D${row}`, text: `${first.sheet}!${first.range}`, target: { sheet: first.sheet, cell: first.range } });
  });

  // Each cell once, marked with its most severe finding; its note lists them all.
  const byCell = new Map<string, { sheet: string; cell: string; findings: Finding[] }>();
  for (const finding of findings)
    for (const id of finding.figures) {
      const place = read.places.get(id);
      if (!place) continue;
      const key = markKey(place.sheet, place.range);
      const entry = byCell.get(key) ?? { sheet: place.sheet, cell: place.range, findings: [] };
      if (!entry.findings.includes(finding)) entry.findings.push(finding);
      byCell.set(key, entry);
    }
  const marked = [...byCell.values()];
  // What the new marks cover: a cell marked last time covered its own look then; any other, what it shows now.
  const before = new Map((previous ?? []).map((m) => [markKey(m.sheet, m.cell), m.before]));
  const unseen = marked.filter((m) => !before.has(markKey(m.sheet, m.cell)));
  (await port.looks(unseen)).forEach((look, i) => before.set(markKey(unseen[i]!.sheet, unseen[i]!.cell), look));

  for (const { sheet, cell, findings: here } of marked) {
    const worst = SEVERITY_ORDER.find((s) => here.some((f) => f.severity === s))!;
    // Information is a note only: colour is kept for what the provider must act on.
    if (worst !== 'info') operations.push({ op: 'style', sheet, range: cell, style: worst });
    operations.push({ op: 'note', sheet, cell, text: here.map((f) => `${SEVERITY_LABEL[f.severity]}: ${f.message}`).join('\n\n') });
  }
  operations.push(...recordOperations(marked.map(({ sheet, cell }) => ({ sheet, cell, before: before.get(markKey(sheet, cell))! }))));
  await port.apply(operations);
  return { explanationsKept: kept };
}

/**
 * A workbook whose findings were written before marks were recorded: its highlighted figure cells go back to
 * the plain look the product gave them, and their notes go.
 */
async function unmarkUnrecorded(port: WorkbookPort, read: ReadReturn): Promise<WorkbookOperation[]> {
  const places = [...read.places].map(([id, place]) => ({ id, sheet: place.sheet, cell: place.range }));
  const highlights = new Set(SEVERITY_ORDER.map((s) => STYLE_FILLS[s]!.toUpperCase()));
  const looks = await port.looks(places);
  return places.flatMap(({ id, sheet, cell }, i): WorkbookOperation[] => {
    const fill = looks[i]!.fill?.color.toUpperCase();
    if (!fill || !highlights.has(fill)) return [];
    return [
      { op: 'style', sheet, range: cell, style: read.formulas.has(id) ? 'figure' : 'input' },
      { op: 'note', sheet, cell, text: '' },
    ];
  });
}
