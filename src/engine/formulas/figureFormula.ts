import { categoryListOf, columnOf, type Figure } from '../../frameworks/expand';
import { eventTableView } from '../../frameworks/eventTables';
import type { Column, Framework } from '../../frameworks/schema';
import { figureSpec } from '../spec/figureSpec';
import type { Atom, Term } from '../spec/terms';
import { caseColumnNames, caseEventsName, eventColumnNames, PERIOD_FROM, PERIOD_TO } from './names';
import { countedByProduct, timingProduct } from './timingProducts';
import { durationFormula } from './durationFormula';

/** The text a normalised case-table cell holds for a flag value. */
export const FLAG_TEXT = { yes: 'Yes', no: 'No', unknown: 'Not known' } as const;

type Criterion = [range: string, criterion: string];

/**
 * A figure's live spreadsheet formula (without the leading =), read from the figure's compiled spec:
 * COUNTIFS/SUMIFS over the named case-table columns, one per disjoint term, for counts and sums; SUMPRODUCT
 * for waiting lists.
 */
export function figureFormula(figure: Figure, framework: Framework): string {
  const spec = figureSpec(figure, framework);
  switch (spec.kind) {
    case 'count':
    case 'sum': {
      if (spec.months) return spec.months.join('+');
      const fn =
        spec.kind === 'count'
          ? (c: Criterion[]) => `COUNTIFS(${c.flat().join(',')})`
          : (c: Criterion[]) => `SUMIFS(${[rangeOf(framework, spec.column), ...c.flat()].join(',')})`;
      // A term with a test no COUNTIFS criterion can state (hours between two columns, a weekend) is a SUMPRODUCT.
      const parts = spec.terms.flatMap((term) =>
        term.some((atom) => countedByProduct(atom, framework))
          ? [`SUMPRODUCT(${spec.kind === 'count' ? '1' : rangeOf(framework, spec.column)}*${termProduct(term, framework)})`]
          : termCriteria(term, framework).map(fn),
      );
      return parts.length ? parts.join('+') : '0';
    }
    case 'sum_of':
      return spec.parts.join('+') || '0';
    case 'input':
      return '';
    case 'percentage':
      // Blank, not #DIV/0!, while the base is 0 or either is not yet typed in.
      return `IF(OR(${spec.numerator}="",N(${spec.base})=0),"",ROUND(100*${spec.numerator}/${spec.base},1))`;
    case 'event_count':
      return countOfTerms(spec.terms, eventTableView(framework, spec.events), eventColumns(spec.events), { criteria: [], factor: '1' });
    case 'event_cases': {
      // Each case's count of its matching events is a column of the case table (caseEventsFormula).
      const events = caseEventsName(figure.id);
      return countOfTerms(spec.caseTerms, framework, caseColumnNames, { criteria: [events, '">0"'], factor: `(${events}>0)` });
    }
    case 'waiting_number':
      return waitingAverageNumber(framework, spec.start, spec.end, spec.counted);
    case 'waiting_days':
      return waitingAverageDays(framework, spec.start, spec.end, spec.counted);
    case 'duration':
      return durationFormula(spec, (term) => termProduct(term, framework), (key) => rangeOf(framework, key));
  }
}

/**
 * The formula of one case's cell in the case table's column for an event_cases figure: how many of the case's
 * events (rows of the event table with its Case ID, in `caseIdCell`) the figure's event conditions hold for.
 */
export function caseEventsFormula(figure: Figure, framework: Framework, caseIdCell: string): string {
  const spec = figureSpec(figure, framework);
  if (spec.kind !== 'event_cases') throw new Error(`${figure.id} does not count cases by their events`);
  const table = eventTableView(framework, spec.events);
  const names = eventColumns(spec.events);
  const caseId = names(columnOf(table, table.caseId))[0]!;
  // The Case ID matched as exact text: wildcards in it escaped.
  const sameCase = `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${caseIdCell},"~","~~"),"*","~*"),"?","~?")`;
  return countOfTerms(spec.terms, table, names, { criteria: [caseId, sameCase], factor: `(${caseId}=${caseIdCell})` });
}

const eventColumns = (tableId: string) => (column: Column) => eventColumnNames(tableId, column);

/**
 * Rows for which one of the disjoint terms holds, and `also` (as COUNTIFS criteria, or as a 0/1 factor): a
 * COUNTIFS per term, or a SUMPRODUCT for a term no criterion can state (hours between two columns, a weekend).
 */
function countOfTerms(terms: Term[], framework: Framework, columnNames: (column: Column) => string[], also: { criteria: string[]; factor: string }): string {
  const parts = terms.flatMap((term) =>
    term.some((atom) => countedByProduct(atom, framework))
      ? [`SUMPRODUCT(${also.factor}*${termProduct(term, framework, columnNames)})`]
      : termCriteria(term, framework, columnNames).map((c) => `COUNTIFS(${[...also.criteria, ...c.flat()].join(',')})`),
  );
  return parts.length ? parts.join('+') : '0';
}

/** One term as COUNTIFS criteria; a term with one of several values, or a slot of a numbered column, becomes one per value or slot. */
function termCriteria(term: Term, framework: Framework, columnNames: (column: Column) => string[] = caseColumnNames): Criterion[][] {
  let alternatives: Criterion[][] = [[]];
  const each = (options: Criterion[][]) => {
    alternatives = alternatives.flatMap((criteria) => options.map((option) => [...criteria, ...option]));
  };
  for (const atom of term) {
    const ranges = columnNames(columnOf(framework, atom.column));
    switch (atom.test) {
      case 'compare':
        each([[[ranges[0]!, compareCriterion(atom, columnOf(framework, atom.column).type === 'datetime')]]]);
        break;
      case 'number':
        each([[[ranges[0]!, `"${atom.op}${atom.value}"`]]]);
        break;
      case 'has_any':
      case 'gap':
      case 'day':
      case 'not':
        throw new Error(`a ${atom.test} test is counted by SUMPRODUCT`);
      case 'blank':
        // Every slot of a numbered column blank; "not blank" on one is not a single criterion and is never compiled.
        each([ranges.map((range): Criterion => [range, atom.blank ? '""' : '"<>"'])]);
        break;
      case 'in':
        // A single-valued column holds one value, so each value is its own disjoint term.
        each(atom.values.map((v) => [[ranges[0]!, textCriterion(textOf(framework, atom.column, v))]]));
        break;
      case 'not_in':
        each([ranges.flatMap((range) => atom.values.map((v): Criterion => [range, textCriterion(textOf(framework, atom.column, v), '<>')]))]);
        break;
      case 'has':
        // A numbered column holds each category at most once per case, so the slots' counts add up.
        each(ranges.map((range) => [[range, textCriterion(textOf(framework, atom.column, atom.value))]]));
        break;
    }
  }
  return alternatives;
}

/** A date window's criterion; a date-time on the window's last day is before the next day's midnight. */
function compareCriterion(atom: Extract<Atom, { test: 'compare' }>, timed: boolean): string {
  const bound = boundFormula(atom);
  if (timed && atom.bound === 'to' && (atom.op === '<=' || atom.op === '>')) return `"${atom.op === '<=' ? '<' : '>='}"&(${bound}+1)`;
  return `"${atom.op}"&${bound}`;
}

/** The first or last day a date is compared with: the period's own cells, so changing the period recalculates. */
function boundFormula(atom: Extract<Atom, { test: 'compare' }>): string {
  const within = atom.within;
  if (!within) return atom.bound === 'from' ? PERIOD_FROM : PERIOD_TO;
  // The same days as subPeriodOf: month k from the period's start moved k − 1 months on; a window n months back from the day after its end.
  if (within.kind === 'rolling') return atom.bound === 'from' ? `EDATE(${PERIOD_TO}+1,-${within.months})` : PERIOD_TO;
  return atom.bound === 'from' ? `EDATE(${PERIOD_FROM},${within.index - 1})` : `(EDATE(${PERIOD_FROM},${within.index})-1)`;
}

/** The text the case table holds for a flag value or category. */
function textOf(framework: Framework, columnKey: string, value: string): string {
  return columnOf(framework, columnKey).type === 'flag' ? FLAG_TEXT[value as keyof typeof FLAG_TEXT] : labelOf(framework, columnKey, value);
}

function labelOf(framework: Framework, columnKey: string, id: string): string {
  return categoryListOf(framework, columnKey).items.find((i) => i.id === id)?.label ?? id;
}

function rangeOf(framework: Framework, key: string): string {
  return caseColumnNames(columnOf(framework, key))[0]!;
}

/** A criterion matching exactly this text (or, with `<>`, anything else): wildcards escaped, quotes doubled. */
function textCriterion(text: string, operator: '' | '<>' = ''): string {
  const escaped = text.replace(/[~*?]/g, '~$&');
  const body = operator ? `${operator}${escaped}` : /^[=<>]/.test(escaped) ? `=${escaped}` : escaped;
  return `"${body.replace(/"/g, '""')}"`;
}

/** A term as a product of 0/1 arrays, for SUMPRODUCT; a blank date is never compared (a blank cell is 0 there). */
function termProduct(term: Term, framework: Framework, columnNames: (column: Column) => string[] = caseColumnNames): string {
  return term.map((atom) => `(${atomProduct(atom, framework, columnNames)})`).join('*') || '1';
}

function atomProduct(atom: Atom, framework: Framework, columnNames: (column: Column) => string[] = caseColumnNames): string {
  const ranges = columnNames(columnOf(framework, atom.column));
  const range = ranges[0]!;
  const quoted = (v: string) => `"${textOf(framework, atom.column, v).replace(/"/g, '""')}"`;
  switch (atom.test) {
    case 'compare':
      return `(${range}<>"")*(INT(${range})${atom.op}${boundFormula(atom)})`;
    case 'blank':
      // Every slot blank; "not blank" on a numbered column is some slot filled.
      return ranges.length > 1 && !atom.blank ? `1-${ranges.map((r) => `(${r}="")`).join('*')}` : ranges.map((r) => `(${r}${atom.blank ? '=' : '<>'}"")`).join('*');
    case 'in':
      return atom.values.map((v) => `(${range}=${quoted(v)})`).join('+');
    case 'not_in':
      return ranges.flatMap((r) => atom.values.map((v) => `(${r}<>${quoted(v)})`)).join('*');
    case 'has':
      return ranges.map((r) => `(${r}=${quoted(atom.value)})`).join('+');
    case 'has_any':
      return `1-${ranges.flatMap((r) => atom.values.map((v) => `(${r}<>${quoted(v)})`)).join('*')}`;
    case 'not':
      return `1-(${atomProduct(atom.atom, framework, columnNames)})`;
    case 'number':
    case 'gap':
    case 'day':
      return timingProduct(atom, (key) => columnNames(columnOf(framework, key))[0]!);
  }
}

// Element-wise min and max by arithmetic: IF inside SUMPRODUCT would need an array formula in older Excel.
const min = (a: string, b: string) => `((${a})+(${b})-ABS((${a})-(${b})))/2`;
const max = (a: string, b: string) => `((${a})+(${b})+ABS((${a})-(${b})))/2`;

/** Victim-days on the list within the period, over the period's days; a case is on the list on day d when start ≤ d < end. */
function waitingAverageNumber(framework: Framework, startKey: string, endKey: string, counted: Term): string {
  const start = rangeOf(framework, startKey);
  const end = rangeOf(framework, endKey);
  const lastDay = `(${end}<>"")*(${end}-1)+(${end}="")*${PERIOD_TO}`;
  const days = `${min(lastDay, PERIOD_TO)}-${max(start, PERIOD_FROM)}+1`;
  return `ROUND(SUMPRODUCT((${start}<>"")*${termProduct(counted, framework)}*(${max(days, '0')}))/(${PERIOD_TO}-${PERIOD_FROM}+1),2)`;
}

/** Mean days on the list of the cases that came off it in the period; blank when none did. */
function waitingAverageDays(framework: Framework, startKey: string, endKey: string, counted: Term): string {
  const start = rangeOf(framework, startKey);
  const end = rangeOf(framework, endKey);
  const off = `(${start}<>"")*(${end}<>"")*(${end}>=${PERIOD_FROM})*(${end}<=${PERIOD_TO})*${termProduct(counted, framework)}`;
  return `IF(SUMPRODUCT(${off})=0,"",ROUND(SUMPRODUCT(${off}*(${end}-${start}))/SUMPRODUCT(${off}),2))`;
}
