import type { Finding } from '../engine/checks/findings';
import { parseCell } from '../workbook/addresses';
import type { CellWrite, WorkbookOperation, WorkbookPort } from '../workbook/port';
import type { ReadReturn } from './readReturn';

export const FINDINGS_SHEET = 'Findings';
const HEADERS = ['Severity', 'Message', 'What to do', 'Cell', 'Explanation (provider)', 'Rule', 'Figure'];
const EXPLANATION = 4;
const RULE = 5;
const FIGURE = 6;
const SEVERITY_LABEL = { error: 'Error', query: 'Query', info: 'Info' } as const;

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
 * Writes findings back into the workbook: a Findings sheet (severity, message, what to do, a link to the cell,
 * and a column for the provider's explanation), each figure cell highlighted by severity with a note. Running
 * it again replaces the old findings, clears old highlights and keeps every explanation typed against a finding
 * that is still there.
 */
export async function annotateReturn(port: WorkbookPort, read: ReadReturn, findings: Finding[], typedNow: ReadonlyMap<string, string> = new Map()): Promise<{ explanationsKept: number }> {
  const sheets = await port.sheetNames();
  const explanations = await readExplanations(port);

  // Explanations typed in the task pane just now win over those in the sheet.
  for (const [key, text] of typedNow) if (text.trim()) explanations.set(key, text.trim());

  const operations: WorkbookOperation[] = [];
  // Old highlights and notes go: every figure cell back to its plain look.
  for (const [id, place] of read.places) {
    operations.push({ op: 'style', sheet: place.sheet, range: place.range, style: read.formulas.has(id) ? 'figure' : 'input' }, { op: 'note', sheet: place.sheet, cell: place.range, text: '' });
  }
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
      const key = `${place.sheet}!${place.range}`;
      const entry = byCell.get(key) ?? { sheet: place.sheet, cell: place.range, findings: [] };
      if (!entry.findings.includes(finding)) entry.findings.push(finding);
      byCell.set(key, entry);
    }
  for (const { sheet, cell, findings: here } of byCell.values()) {
    operations.push({ op: 'style', sheet, range: cell, style: here[0]!.severity });
    operations.push({ op: 'note', sheet, cell, text: here.map((f) => `${SEVERITY_LABEL[f.severity]}: ${f.message}`).join('\n\n') });
  }
  await port.apply(operations);
  return { explanationsKept: kept };
}
