import { dayFromIso } from '../engine/cases/dates';
import { periodFromIso, type Period } from '../engine/tally/period';
import { InputError } from '../errors';

/** The period in the Period controls, or a message in the page's own terms. */
export function periodOfControls(from: string, to: string): Period {
  if (dayFromIso(from) === null) throw new InputError(`"Period from" is not a date: choose the first day of the period, e.g. 1 April 2020.`);
  if (dayFromIso(to) === null) throw new InputError(`"Period to" is not a date: choose the last day of the period, e.g. 30 September 2020.`);
  if (to < from) throw new InputError(`The period ends (${to}) before it starts (${from}): check "Period from" and "Period to".`);
  return periodFromIso(from, to);
}

/**
 * The commands speak to the command line; the page rephrases the few places where a message names a flag or
 * a command, so a person in the page is told what to do here.
 */
const PAGE_TERMS: [RegExp, string][] = [
  [/run again with --overwrite/g, 'tick "Replace figures typed in the return" and fill again'],
  [/Start from returns template, map the commissioner's template with returns map, or fill a new workbook with --out\./g, 'Map it with "Map this template", or fill a new return instead.'],
  [/map it first \(returns map [^)]*\) and check it with --mapping mapping\.json; or check the figures as JSON\./g, 'map it first with "Map this template", then check it.'],
  [/Map the workbook again \(returns map [^)]*\) and check it with --mapping mapping\.json, or fill a fresh template\./g, 'Map the workbook again with "Map this template", or fill a new return.'],
  [/Name one with --sheet\./g, 'Put the cases on the first sheet, or save that sheet on its own.'],
  [/Give it beside the case data \(--events [a-z0-9_]+=FILE\)\./g, 'Open or paste its rows under "Event rows" and fill again.'],
];

export function inPageTerms(message: string): string {
  return PAGE_TERMS.reduce((text, [pattern, words]) => text.replace(pattern, words), message);
}

/** ", without the "Case data" and "Cases" sheets": what the submission copy left out. */
export function withoutSheets(removed: readonly string[]): string {
  return removed.length ? `, without the ${removed.map((s) => `"${s}"`).join(' and ')} sheet${removed.length === 1 ? '' : 's'}` : '';
}
