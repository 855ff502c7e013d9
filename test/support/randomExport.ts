import { Random } from '../../scripts/sample/random';
import { isoOfDay, partsOfDay, type Day } from '../../src/engine/cases/dates';
import type { RawCell } from '../../src/engine/cases/rawTable';
import type { Column, Framework } from '../../src/frameworks/schema';

/** Agencies as free text is typed: the same names in other cases and spacings, and one written two ways apart. */
const AGENCIES = ['Citizens Advice', 'citizens  advice', 'CITIZENS ADVICE', 'Refuge', 'refuge ', 'Womens Aid', "Women's Aid", 'Shelter', 'MIND', 'Mind', 'Victim Support'];
const WORDS = ['support', 'safety', 'plan', 'court', 'housing', 'referred', 'the', 'victim', 'recovered', 'called'];

/** The headers of a framework's export: a numbered column's header once per number. */
export function exportHeaders(framework: Framework): string[] {
  return framework.columns.flatMap((column) => (column.type === 'category' && column.repeat ? Array.from({ length: column.repeat }, (_, n) => column.header.replace('#', String(n + 1))) : [column.header]));
}

/**
 * A messy export of `rows` cases for any framework, dated around `around`: Case IDs repeated (in other letter
 * cases), blanks, not-stated words and values no list has, several categories in numbered columns, names written
 * several ways, dates in two formats, dates of birth and ages, and cells that are no date or number at all.
 */
export function randomExport(framework: Framework, random: Random, rows: number, around: { from: Day; to: Day }): Record<string, RawCell>[] {
  const day = () => random.int(around.from - 400, around.to + 60);
  const date = (d: Day) => {
    const { year, month, day: date } = partsOfDay(d);
    return random.chance(0.7) ? isoOfDay(d) : `${String(date).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  };
  const blankOr = (p: number, value: () => string) => (random.chance(p) ? '' : value());
  const spellings = (key: string) => {
    const list = framework.categories[key]!;
    return [...list.items.flatMap((i) => [i.label, ...i.synonyms]), framework.notStated[0]!, 'Something else'];
  };
  const flags = (column: Extract<Column, { type: 'flag' }>) => [...framework.flags.yes, ...framework.flags.no, ...framework.flags.unknown, ...(column.answers?.yes ?? []), ...(column.answers?.no ?? []), 'maybe'];
  const cell = (column: Column): string => {
    switch (column.type) {
      case 'text':
        return column.key === framework.caseId ? '' : blankOr(0.6, () => Array.from({ length: random.int(1, 8) }, () => random.pick(WORDS)).join(random.pick([' ', '  '])));
      case 'date':
        return blankOr(column.key === framework.caseDates.referral ? 0.03 : 0.4, () => (random.chance(0.02) ? 'not known' : date(day())));
      case 'datetime':
        return blankOr(0.3, () => `${date(day())}${random.chance(0.8) ? ` ${String(random.int(0, 23)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}` : ''}`);
      case 'flag':
        return blankOr(0.2, () => random.pick(flags(column)));
      case 'whole':
        return blankOr(0.3, () => (random.chance(0.03) ? 'several' : String(random.int(0, 9))));
      case 'list':
        return blankOr(0.4, () => Array.from({ length: random.int(1, 3) }, () => random.pick(AGENCIES)).join(`${column.separator} `));
      case 'category':
        return blankOr(0.2, () => random.pick(spellings(column.category)));
      case 'age':
        return blankOr(0.2, () => (random.chance(0.5) ? String(random.int(5, 90)) : random.chance(0.5) ? date(day() - random.int(5, 90) * 365) : random.pick(spellings(column.category))));
    }
  };
  const idHeader = framework.columns.find((c) => c.key === framework.caseId)!.header;
  return Array.from({ length: rows }, (_, i) => {
    const row: Record<string, RawCell> = {};
    for (const column of framework.columns) {
      if (column.type === 'category' && column.repeat) for (let n = 1; n <= column.repeat; n++) row[column.header.replace('#', String(n))] = random.chance(0.5) ? cell(column) : '';
      else row[column.header] = cell(column);
    }
    // About one row in ten repeats an earlier Case ID, sometimes in another letter case.
    const id = random.chance(0.1) && i > 0 ? random.int(0, i - 1) : i;
    row[idHeader] = random.chance(0.5) ? `C${id}` : `c${id}`;
    return row;
  });
}
