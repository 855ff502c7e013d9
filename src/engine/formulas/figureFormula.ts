import { categoryListOf, columnOf, type Figure } from '../../frameworks/expand';
import type { Column, Framework, Where } from '../../frameworks/schema';
import { caseColumnNames, PERIOD_FROM, PERIOD_TO } from './names';
import { windowTerms, type DateAtom } from './windowTerms';

/** The text a normalised case-table cell holds for a flag value. */
export const FLAG_TEXT = { yes: 'Yes', no: 'No', unknown: 'Not known' } as const;

type Criterion = [range: string, criterion: string];

/**
 * A figure's live spreadsheet formula (without the leading =), generated from the same definition the tally
 * uses: COUNTIFS/SUMIFS over the named case-table columns for counts and sums, SUMPRODUCT for waiting lists.
 */
export function figureFormula(figure: Figure, framework: Framework): string {
  const t = figure.template;
  switch (t.kind) {
    case 'count':
    case 'sum': {
      const population = framework.populations[t.population]!;
      const where: Where = { ...population.where, ...(t.kind === 'count' ? t.where : {}) };
      const categories = Object.entries(figure.categories).map(([key, id]) => ({ column: columnOf(framework, key), id }));
      const terms = criteriaTerms(framework, windowTerms(population.windows), where, categories);
      const fn = t.kind === 'count' ? (c: Criterion[]) => `COUNTIFS(${c.flat().join(',')})` : (c: Criterion[]) => `SUMIFS(${[caseColumnNames(columnOf(framework, t.column))[0], ...c.flat()].join(',')})`;
      return terms.length ? terms.map(fn).join('+') : '0';
    }
    case 'sum_of':
      return figure.parts.join('+') || '0';
    case 'input':
      return '';
    case 'waiting_average_number':
      return waitingAverageNumber(framework, t.start, t.end);
    case 'waiting_average_days':
      return waitingAverageDays(framework, t.start, t.end);
  }
}

/** Every combination of date alternatives, condition values and numbered-column slots, as COUNTIFS criteria. */
function criteriaTerms(framework: Framework, dateTerms: DateAtom[][], where: Where, categories: { column: Column; id: string }[]): Criterion[][] {
  let terms: Criterion[][] = dateTerms.map((atoms) => atoms.map((atom) => dateCriterion(framework, atom)));
  for (const [key, wanted] of Object.entries(where)) {
    const column = columnOf(framework, key);
    const [range] = caseColumnNames(column);
    const values = column.type === 'flag' ? [FLAG_TEXT[wanted as keyof typeof FLAG_TEXT]] : (Array.isArray(wanted) ? wanted : [wanted]).map((id) => labelOf(framework, key, id));
    terms = terms.flatMap((term) => values.map((v) => [...term, [range!, textCriterion(v)] as Criterion]));
  }
  for (const { column, id } of categories) {
    const label = labelOf(framework, column.key, id);
    // A numbered column holds each category at most once per case, so the slots' counts add up.
    terms = terms.flatMap((term) => caseColumnNames(column).map((range) => [...term, [range, textCriterion(label)] as Criterion]));
  }
  return terms;
}

function dateCriterion(framework: Framework, atom: DateAtom): Criterion {
  const range = caseColumnNames(columnOf(framework, atom.date === 'referral' ? framework.caseDates.referral : framework.caseDates.exit))[0]!;
  if (atom.op === 'blank') return [range, '""'];
  return [range, `"${atom.op}"&${atom.bound === 'from' ? PERIOD_FROM : PERIOD_TO}`];
}

export function labelOf(framework: Framework, columnKey: string, id: string): string {
  return categoryListOf(framework, columnKey).items.find((i) => i.id === id)?.label ?? id;
}

/** A criterion matching exactly this text: wildcards escaped, quotes doubled. */
function textCriterion(text: string): string {
  const escaped = text.replace(/[~*?]/g, '~$&');
  return `"${(/^[=<>]/.test(escaped) ? `=${escaped}` : escaped).replace(/"/g, '""')}"`;
}

// Element-wise min and max by arithmetic: IF inside SUMPRODUCT would need an array formula in older Excel.
const min = (a: string, b: string) => `((${a})+(${b})-ABS((${a})-(${b})))/2`;
const max = (a: string, b: string) => `((${a})+(${b})+ABS((${a})-(${b})))/2`;

/** Cases that count at all: a referral date on or before the period's end. */
function countedCases(framework: Framework): string {
  const referral = caseColumnNames(columnOf(framework, framework.caseDates.referral))[0]!;
  return `(${referral}<>"")*(${referral}<=${PERIOD_TO})`;
}

/** Victim-days on the list within the period, over the period's days; a case is on the list on day d when start ≤ d < end. */
function waitingAverageNumber(framework: Framework, startKey: string, endKey: string): string {
  const start = caseColumnNames(columnOf(framework, startKey))[0]!;
  const end = caseColumnNames(columnOf(framework, endKey))[0]!;
  const lastDay = `(${end}<>"")*(${end}-1)+(${end}="")*${PERIOD_TO}`;
  const days = `${min(lastDay, PERIOD_TO)}-${max(start, PERIOD_FROM)}+1`;
  return `ROUND(SUMPRODUCT((${start}<>"")*${countedCases(framework)}*(${max(days, '0')}))/(${PERIOD_TO}-${PERIOD_FROM}+1),2)`;
}

/** Mean days on the list of the cases that came off it in the period; blank when none did. */
function waitingAverageDays(framework: Framework, startKey: string, endKey: string): string {
  const start = caseColumnNames(columnOf(framework, startKey))[0]!;
  const end = caseColumnNames(columnOf(framework, endKey))[0]!;
  const off = `(${start}<>"")*(${end}<>"")*(${end}>=${PERIOD_FROM})*(${end}<=${PERIOD_TO})*${countedCases(framework)}`;
  return `IF(SUMPRODUCT(${off})=0,"",ROUND(SUMPRODUCT(${off}*(${end}-${start}))/SUMPRODUCT(${off}),2))`;
}
