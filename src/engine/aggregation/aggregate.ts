import { figuresOf, type Figure } from '../../frameworks/expand';
import { weightOf, type Combine, type Framework } from '../../frameworks/schema';
import { InputError } from '../../errors';
import { refuseRepeatedReturns } from './countedOnce';
import { displayDay } from '../cases/dates';
import type { FigureCell, ReturnData } from '../checks/returnData';
import type { Period } from '../tally/period';

/** One provider's return to aggregate. */
export interface ProviderReturn {
  /** The file it came from: the key of its column. */
  file: string;
  /** The provider's name, as the workbook gives it. */
  name: string;
  data: ReturnData;
  /** The providers it totals, where it is a consolidated return; absent: one provider's own return. */
  consolidates?: readonly string[];
}

/** The providers a return counts: those a consolidated return totals, or the one whose return it is. */
export const providersCounted = (r: ProviderReturn): readonly string[] => r.consolidates ?? [r.name];

/** The consolidated return: a total for every figure any provider's return holds, and how each was made. */
export interface Aggregate {
  framework: Framework;
  period: Period | null;
  providers: { file: string; name: string }[];
  /** Figure id → the total, or null where it cannot honestly be given. */
  totals: Record<string, number | null>;
  /** File → figure id → the value in that provider's return (null where blank or not in its template). */
  byProvider: Record<string, Record<string, FigureCell>>;
  /** Figure id → how the total was made, or why it is blank. */
  notes: Record<string, string>;
  /** Figure id → why its total is blank, for each blank total. */
  blank: Record<string, string>;
  /** The figures some provider's return holds, in the framework's order. */
  held: string[];
}

/** How a figure combines when its framework does not say: counts and sums of case rows add up; nothing else is assumed to. */
export function combineOf(figure: Figure): Combine {
  if (figure.template.combine) return figure.template.combine;
  const kind = figure.template.kind;
  return kind === 'count' || kind === 'sum' || kind === 'sum_of' || kind === 'event_count' || kind === 'event_cases'
    ? { method: 'sum' }
    : { method: 'none', why: 'the framework does not say how this figure combines across providers' };
}

/**
 * Adds up providers' returns of one framework and period into the commissioner's consolidated return. A figure
 * blank, text or absent in any provider's return has no total (a partial sum would pass for the whole); a mean
 * is recombined weighted by its base, or left blank saying why. Returns of different frameworks or periods are
 * refused, naming them.
 */
export function aggregateReturns(returns: ProviderReturn[]): Aggregate {
  if (returns.length === 0) throw new InputError('There are no returns to aggregate: give the providers\u2019 returns, or a folder of them with --dir.');
  refuseMixed(returns, (r) => r.data.framework.id, 'frameworks', (id) => `the ${id} return`);
  refuseMixed(returns, (r) => periodKey(r.data.period), 'periods', (key) => key);
  refuseRepeatedReturns(returns);
  const framework = returns[0]!.data.framework;
  const holds = (r: ProviderReturn, id: string) => !r.data.held || r.data.held.has(id);
  const held = figuresOf(framework).filter((f) => returns.some((r) => holds(r, f.id)));
  const byProvider: Aggregate['byProvider'] = {};
  for (const r of returns) byProvider[r.file] = Object.fromEntries(held.filter((f) => holds(r, f.id)).map((f) => [f.id, r.data.values[f.id] ?? null]));

  const totals: Aggregate['totals'] = {};
  const notes: Aggregate['notes'] = {};
  const blank: Aggregate['blank'] = {};
  const names = (rs: ProviderReturn[]) => listOf(rs.map((r) => r.name));
  for (const figure of held) {
    const id = figure.id;
    const set = (total: number, note: string) => {
      totals[id] = total;
      notes[id] = note;
    };
    const leaveBlank = (why: string) => {
      totals[id] = null;
      blank[id] = why;
      notes[id] = `Left blank: ${why}.`;
    };
    const absent = returns.filter((r) => !holds(r, id));
    if (absent.length) {
      leaveBlank(`${names(absent)}\u2019s template does not ask for this figure, so a total would leave them out`);
      continue;
    }
    const combine = combineOf(figure);
    if (combine.method === 'none') {
      leaveBlank(combine.why);
      continue;
    }
    if (combine.method === 'sum') {
      const unusable = returns.filter((r) => !isNumber(r.data.values[id]));
      if (unusable.length) leaveBlank(blankReason(unusable, id));
      else set(tidy(returns.reduce((sum, r) => sum + (r.data.values[id] as number), 0)), `Sum of the ${returns.length} providers' figures.`);
      continue;
    }
    const weightId = weightOf(combine, figure.categories);
    const weightLabel = figuresOf(framework).find((f) => f.id === weightId)?.label ?? weightId;
    const noWeight = returns.filter((r) => !holds(r, weightId) || !isNumber(r.data.values[weightId]));
    if (noWeight.length) {
      leaveBlank(`the mean is recombined weighted by ${weightLabel}, which is blank or missing in ${names(noWeight)}\u2019s return`);
      continue;
    }
    // A provider with no base has no mean to weigh (a blank average of nobody is right).
    const weighed = returns.filter((r) => (r.data.values[weightId] as number) !== 0);
    const unusable = weighed.filter((r) => !isNumber(r.data.values[id]));
    const base = weighed.reduce((sum, r) => sum + (r.data.values[weightId] as number), 0);
    if (unusable.length) leaveBlank(blankReason(unusable, id));
    else if (base === 0) leaveBlank(`no provider has any ${weightLabel}, so there is no mean`);
    else set(tidy(weighed.reduce((sum, r) => sum + (r.data.values[id] as number) * (r.data.values[weightId] as number), 0) / base), `Mean of the providers' figures weighted by ${weightLabel} (${tidy(base)} in all).`);
  }
  return { framework, period: returns[0]!.data.period, providers: returns.map((r) => ({ file: r.file, name: r.name })), totals, byProvider, notes, blank, held: held.map((f) => f.id) };
}

/** The consolidated return as a return to check by the framework's rules. */
export function aggregateAsReturn(aggregate: Aggregate, source: string, cells: Record<string, string> = {}): ReturnData {
  return { source, framework: aggregate.framework, period: aggregate.period, values: { ...aggregate.totals }, cells, lists: {}, held: new Set(aggregate.held) };
}

function blankReason(unusable: ProviderReturn[], id: string): string {
  const blank = unusable.filter((r) => r.data.values[id] === null || r.data.values[id] === undefined);
  const text = unusable.filter((r) => !blank.includes(r));
  const parts = [
    ...(blank.length ? [`blank in ${listOf(blank.map((r) => r.name))}\u2019s return`] : []),
    ...(text.length ? [`not a number in ${listOf(text.map((r) => `${r.name}\u2019s return ("${String(r.data.values[id])}")`))}`] : []),
  ];
  return `the figure is ${parts.join(' and ')}, so a total would be only part of it`;
}

function refuseMixed(returns: ProviderReturn[], keyOf: (r: ProviderReturn) => string, what: string, describe: (key: string) => string): void {
  const groups = new Map<string, string[]>();
  for (const r of returns) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r.file]);
  if (groups.size < 2) return;
  const list = [...groups].map(([key, files]) => `${describe(key)}: ${files.join(', ')}`).join('; ');
  throw new InputError(`These returns are of different ${what}, so they cannot be added up: ${list}. Aggregate the returns of one ${what === 'periods' ? 'period' : 'framework'} at a time.`);
}

function periodKey(period: Period | null): string {
  return period ? `${displayDay(period.from)} to ${displayDay(period.to)}` : 'no period given';
}

const isNumber = (value: FigureCell | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** Sums of figures stated to two places drift in binary: 0.1 + 0.2 is shown as the 0.3 it is. */
const tidy = (n: number) => Math.round(n * 1e9) / 1e9;

/** Names as a sentence lists them: "A, B and C". */
export function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
