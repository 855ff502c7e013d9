import { importCases } from '../engine/cases/importCases';
import { cellText, type RawTable } from '../engine/cases/rawTable';
import { catalogueFinding, type Finding } from '../engine/checks/findings';
import { textEntries, whichEntry } from '../engine/checks/rules/listEntries';
import { InputError } from '../errors';
import type { ReadReturn } from './readReturn';

/** Columns of an export that hold a person's name: the victim's, an alias, a contact's. */
const NAME_HEADER = /\b(?:(?:first|last|given|family|full|client|victim|preferred)\s*name|forenames?|surname|names?|known as|alias)\b/i;
/** Name parts this short are initials or common words, not names to look for. */
const SHORTEST_NAME = 3;

/**
 * The case studies of a return that name the person from their own case row: the return holds its case data,
 * and that row has name columns (which the framework never counts). A query per case study, naming the case
 * and the column, never the name.
 */
export function caseStudyNames(read: ReadReturn, caseData: RawTable): Finding[] {
  const { framework } = read.data;
  let imported;
  try {
    imported = importCases(caseData, framework);
  } catch (e) {
    if (e instanceof InputError) return [];
    throw e;
  }
  const headerRow = caseData.rows.find((r) => r.number === imported.headerRow)!;
  const counted = new Set(imported.placements.map((p) => p.index));
  const nameColumns = headerRow.cells.flatMap((cell, index) => (!counted.has(index) && NAME_HEADER.test(cellText(cell)) ? [{ index, header: cellText(cell).trim() }] : []));
  if (!nameColumns.length) return [];
  const rowsById = new Map(imported.cases.map((c) => [c.id, c.row]));
  const cellsByRow = new Map(caseData.rows.map((r) => [r.number, r.cells]));

  return framework.lists.filter((l) => l.kind === 'texts').flatMap((spec) => {
    // The rules over the list say what one entry is called ("case study").
    const itemLabel = framework.rules.flatMap((r) => ((r.kind === 'identifying_text' || r.kind === 'text_length') && r.list === spec.id ? [r.itemLabel] : []))[0] ?? 'entry';
    return textEntries(read.data, spec.id).flatMap((entry): Finding[] => {
      const row = entry.caseId ? rowsById.get(entry.caseId) : undefined;
      const cells = row === undefined ? undefined : cellsByRow.get(row);
      if (!cells || !entry.text) return [];
      const words = new Set(entry.text.toLowerCase().split(/[^\p{L}'’-]+/u));
      const found = nameColumns.filter(({ index }) =>
        cellText(cells[index]).toLowerCase().split(/[^\p{L}'’-]+/u).some((part) => part.length >= SHORTEST_NAME && words.has(part)),
      );
      if (!found.length) return [];
      return [catalogueFinding('case_study_names', {
        severity: 'query',
        figures: [],
        cells: [],
        params: entry.caseId ? { text: entry.caseId } : {},
        message: `The ${itemLabel}${whichEntry(entry)} names the person in its case row (${found.map((f) => `"${f.header}"`).join(', ')}). It is sent to the commissioner, so it must be anonymous.`,
        hint: 'Take the name out of the case study, or replace it with a neutral one ("the victim", "Client A").',
      })];
    });
  });
}
