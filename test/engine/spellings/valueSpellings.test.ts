import { builtInFramework } from '../../../src/frameworks/load';
import { InputError } from '../../../src/errors';
import { parseValueSpellings, withValueSpellings } from '../../../src/engine/spellings/valueSpellings';

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
    ['a column header instead of a list id', { crime_type: { Blackmail: 'fraud' } }, '  - crime_type: "crime_type" is not a category list of the Cambridgeshire victim services monitoring return\n    Fix: The column Crime type takes the list "crime": write "crime" instead.'],
    ['an unknown list', { religion: { CofE: 'christian' } }, '  - religion: "religion" is not a category list of the Cambridgeshire victim services monitoring return\n    Fix: Use one of the category lists: "source", "crime",'],
    ['a category that is not in the list', { crime: { Blackmail: 'frud' } }, '  - crime.Blackmail: "frud" is not a category of Crime type\n    Fix: Did you mean "fraud"?'],
    ['a spelling the framework gives another category', { crime: { Robbery: 'theft' } }, '  - crime.Robbery: "Robbery" already means Robbery (robbery) in the framework\n    Fix: Remove it: a values file adds spellings and cannot change what the framework\'s own spellings mean.'],
    ['a not-stated word', { gender: { 'Prefer not to say': 'other' } }, '  - gender.Prefer not to say: "Prefer not to say" already means "not stated" in the framework'],
    ['one spelling twice with two meanings', { crime: { Blackmail: 'fraud', 'BLACKMAIL ': 'other' } }, '  - crime.BLACKMAIL : "BLACKMAIL " and "Blackmail" are the same spelling (case, spaces and punctuation aside) but mean different categories'],
    ['a spelling that is not text to category', { crime: ['fraud'] }, '  - crime: ["fraud"] is a list in [ ], but an object in { } is needed here'],
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
