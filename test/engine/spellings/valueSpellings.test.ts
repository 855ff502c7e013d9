import { builtInFramework } from '../../../src/frameworks/load';
import { InputError } from '../../../src/errors';
import { parseValueSpellings, withValueSpellings } from '../../../src/engine/spellings/valueSpellings';
import { importCases } from '../../../src/engine/cases/importCases';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('cambridgeshire');

function refusal(data: unknown): string {
  try {
    parseValueSpellings(data, 'values.json', framework);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected the values file to be refused');
}

describe('parseValueSpellings', () => {
  it('accepts spellings keyed by category list id, naming category ids', () => {
    expect(parseValueSpellings({ crime: { Blackmail: 'fraud' }, source: { 'Walk-in': 'self' } }, 'values.json', framework)).toEqual({ crime: { Blackmail: 'fraud' }, source: { 'Walk-in': 'self' } });
  });

  it.each<[string, unknown, string]>([
    ['a column header instead of a list id', { crime_type: { Blackmail: 'fraud' } }, '  - crime_type: "crime_type" is not a category list or a yes/no column of the Cambridgeshire victim services monitoring return\n    Fix: The column Crime type takes the list "crime": write "crime" instead.'],
    ['an unknown list', { religion: { CofE: 'christian' } }, '  - religion: "religion" is not a category list or a yes/no column of the Cambridgeshire victim services monitoring return\n    Fix: Use one of the category lists: "source", "crime",'],
    ['a category that is not in the list', { crime: { Blackmail: 'frud' } }, '  - crime.Blackmail: "frud" is not a category of Crime type\n    Fix: Did you mean "fraud"?'],
    ['a spelling the framework gives another category', { crime: { Robbery: 'theft' } }, '  - crime.Robbery: "Robbery" already means Robbery (robbery) in the framework\n    Fix: Remove it: a values file adds spellings and cannot change what the framework\'s own spellings mean.'],
    ['a not-stated word', { gender: { 'Prefer not to say': 'other' } }, '  - gender.Prefer not to say: "Prefer not to say" already means "not stated" in the framework'],
    ['one spelling twice with two meanings', { crime: { Blackmail: 'fraud', 'BLACKMAIL ': 'other' } }, '  - crime.BLACKMAIL : "BLACKMAIL " and "Blackmail" are the same spelling (case, spaces and punctuation aside) but mean different categories'],
    ['a spelling that is not text to category', { crime: ['fraud'] }, '  - crime: ["fraud"] is a list in [ ], but an object in { } is needed here'],
    ["a yes/no column's answer that is neither", { accepted: { 'Took up offer': 'accepted' } }, '  - accepted.Took up offer: "accepted" is not yes or no\n    Fix: Support accepted is a yes/no column: write "yes" or "no" for what "Took up offer" means.'],
    ["a yes/no column's answer the framework gives the other meaning", { accepted: { Declined: 'yes', 'N/K': 'no' } }, '  - accepted.Declined: "Declined" already means no in Support accepted'],
    ['a not-known word given as an answer', { contacted: { 'N/K': 'no' } }, '  - contacted.N/K: "N/K" already means not known in Contacted'],
  ])('refuses %s, naming the place and the fix', (_, data, message) => {
    expect(refusal(data)).toContain(message);
  });

  it('lets a framework spelling be repeated for its own category', () => {
    expect(() => parseValueSpellings({ crime: { Fraud: 'fraud' } }, 'values.json', framework)).not.toThrow();
  });
});

describe('withValueSpellings', () => {
  const synonymsOf = (fw: typeof framework, list: string, id: string) => fw.categories[list]!.items.find((i) => i.id === id)!.synonyms;

  it('adds each spelling to the synonyms of the category it means, after the framework\'s own', () => {
    const laid = withValueSpellings(framework, { crime: { Blackmail: 'fraud', Extortion: 'fraud' }, source: { 'Walk-in': 'self' } });
    expect(synonymsOf(laid, 'crime', 'fraud')).toEqual([...synonymsOf(framework, 'crime', 'fraud'), 'Blackmail', 'Extortion']);
    expect(synonymsOf(laid, 'source', 'self')).toEqual([...synonymsOf(framework, 'source', 'self'), 'Walk-in']);
    expect(laid.categories.gender).toBe(framework.categories.gender);
  });

  it('leaves the framework it was given as it was', () => {
    withValueSpellings(framework, { crime: { Blackmail: 'fraud' } });
    expect(synonymsOf(framework, 'crime', 'fraud')).not.toContain('Blackmail');
  });
});

describe("a yes/no column's answers in a values file", () => {
  it('are read in that column as the framework\'s own answers are, and in no other', () => {
    const laid = withValueSpellings(framework, parseValueSpellings({ accepted: { 'Took up offer': 'yes', 'Did not take up': 'no' } }, 'values.json', framework));
    const row = { 'Case ID': 'C1', 'Referral date': '01/05/2020', 'Referral source': 'Police', 'Crime type': 'Robbery', Contacted: 'Yes' };
    const { cases, issues } = importCases(tableOf([...Object.keys(row), 'Support accepted', 'Disengaged'], [
      { ...row, 'Support accepted': 'Took up offer', Disengaged: 'Took up offer' },
      { ...row, 'Case ID': 'C2', 'Support accepted': 'did not take up', Disengaged: 'No' },
    ]), laid);
    expect(cases.map((c) => [c.values.accepted, c.values.disengaged])).toEqual([['yes', 'unknown'], ['no', 'no']]);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[2, 'Disengaged', 'unrecognised_flag']]);
    // The framework's own answers stay.
    expect(laid.columns.find((c) => c.key === 'accepted')).toMatchObject({ answers: { yes: expect.arrayContaining(['Accepted', 'Took up offer']), no: expect.arrayContaining(['Declined', 'Did not take up']) } });
  });
});

