import data from '../../fixtures/events-framework.json';
import { CASE_HEADERS, CASES_OTHER_SPELLINGS, CONTACT_HEADERS, CONTACTS_OTHER_SPELLINGS } from '../../fixtures/eventCases';
import { tableOf } from '../../support/tables';
import { parseFramework } from '../../../src/frameworks/load';
import type { CaseRecord } from '../../../src/engine/cases/caseRecord';
import { feedRows, importCases } from '../../../src/engine/cases/importCases';
import { eventImporter } from '../../../src/engine/events/eventImport';
import { EventTally, eventCasesStateSchema } from '../../../src/engine/tally/eventTally';
import { periodFromIso } from '../../../src/engine/tally/period';

const framework = parseFramework(data, 'events-framework.json');
const period = periodFromIso('2024-01-01', '2024-03-31');
const contacts = tableOf(CONTACT_HEADERS, CONTACTS_OTHER_SPELLINGS, 'contacts.csv');
const imported = importCases(tableOf(CASE_HEADERS, CASES_OTHER_SPELLINGS), framework).cases;
// The same rows with their repeats not marked (as a part read apart could give them): a Case ID's first case still counts.
const unmarked = imported.map((record) => ({ ...record, duplicateOf: null }));

/** The event figures with the cases given in parts: the first part's tally absorbing the others' cases in row order. */
function talliedInParts(parts: CaseRecord[][]) {
  const [first, ...rest] = parts.map((part) => {
    const tally = new EventTally(framework, period);
    for (const record of part) tally.addCase(record);
    return tally;
  });
  for (const later of rest) first!.absorbCases(eventCasesStateSchema.parse(structuredClone(later.casesState())));
  first!.given('contacts', 'contacts.csv');
  feedRows(contacts.rows, eventImporter(contacts, framework, 'contacts', {}, (r) => first!.addEvent('contacts', r)), 'reading', {});
  return first!.result();
}

describe('an event tally given the case data in parts', () => {
  it.each([['marked', imported], ['not marked', unmarked]])('gives the figures and issues of one given every case, wherever the cases are cut (repeats %s)', (_, cases) => {
    const whole = talliedInParts([cases]);
    expect(whole.figures['victims.female_counselled']).toBe(3);
    for (let cut = 0; cut <= cases.length; cut++)
      for (let second = cut; second <= cases.length; second++) {
        const parts = [cases.slice(0, cut), cases.slice(cut, second), cases.slice(second)];
        expect({ cut, second, result: talliedInParts(parts) }).toStrictEqual({ cut, second, result: whole });
      }
  });

  it('refuses cases\' state whose conditions are not one a figure per case', () => {
    const tally = new EventTally(framework, period);
    expect(() => tally.absorbCases({ keys: ['c1'], holds: new Uint8Array(0) })).toThrow('the tallies differ');
    expect(eventCasesStateSchema.safeParse({ keys: ['c1'], holds: [1, 0] }).success).toBe(false);
  });
});
