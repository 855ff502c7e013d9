import type { ReturnData } from '../returnData';

/** An entry of a return's text list (a case study) as the tally or a workbook gives it. */
export type TextEntry = { caseId?: string; row?: number; text?: string };

/** The entries of a text list, or none when the return lacks it. */
export function textEntries(data: ReturnData, list: string): TextEntry[] {
  const entries = data.lists[list];
  return Array.isArray(entries) ? (entries as TextEntry[]) : [];
}

/** " for case B (row 9)": which entry a message is about, as far as the return says. */
export function whichEntry(entry: TextEntry): string {
  return entry.caseId ? ` for case ${entry.caseId}${entry.row ? ` (row ${entry.row})` : ''}` : '';
}
