import { builtInFramework } from '../../../src/frameworks/load';
import { CategoryMatcher } from '../../../src/engine/cases/categories';
import { FlagReader } from '../../../src/engine/cases/flags';
import { readWholeNumber } from '../../../src/engine/cases/wholeNumbers';

const framework = builtInFramework('cambridgeshire');

describe('FlagReader', () => {
  const flags = new FlagReader(framework.flags);
  it.each(['Yes', 'yes', ' Y ', 'y', 'TRUE', 'True', '1', '✓', '✔'])('reads %p as yes', (text) => {
    expect(flags.read(text)).toEqual({ value: 'yes', recognised: true });
  });
  it.each(['No', 'NO', 'n', 'False', '0', ' no '])('reads %p as no', (text) => {
    expect(flags.read(text)).toEqual({ value: 'no', recognised: true });
  });
  it.each(['', '   ', 'Unknown', 'not known', 'N/A', 'n/a', 'N/K'])('reads %p as unknown, never as no', (text) => {
    expect(flags.read(text)).toEqual({ value: 'unknown', recognised: true });
  });
  it('reads typed booleans and numbers from workbooks', () => {
    expect(flags.read(true).value).toBe('yes');
    expect(flags.read(false).value).toBe('no');
    expect(flags.read(1).value).toBe('yes');
    expect(flags.read(0).value).toBe('no');
    expect(flags.read(null)).toEqual({ value: 'unknown', recognised: true });
  });
  it.each(['No - declined', 'Yes (by phone)', 'Y: first call'])('reads the answer at the start of %p', (text) => {
    expect(flags.read(text).recognised).toBe(true);
    expect(flags.read(text).value).toBe(text.startsWith('N') ? 'no' : 'yes');
  });
  it.each(['Maybe', 'Yess', '2', 'declined'])('does not recognise %p, and counts it as unknown', (text) => {
    expect(flags.read(text)).toEqual({ value: 'unknown', recognised: false });
  });
  it("reads a column's own answers beside the framework's words, and says so", () => {
    const accepted = new FlagReader(framework.flags, { yes: ['Accepted'], no: ['Declined', 'Not accepted'] });
    expect(['Accepted', 'declined', 'NOT ACCEPTED', 'Declined - by phone', 'Yes', 'n'].map((t) => accepted.read(t).value)).toEqual(['yes', 'no', 'no', 'no', 'yes', 'no']);
    expect(accepted.read('Maybe')).toEqual({ value: 'unknown', recognised: false });
    expect(accepted.describe()).toMatch(/^yes \(Accepted, Yes, Y, .*\) or no \(Declined, Not accepted, No, N, /);
  });
});

describe('CategoryMatcher', () => {
  const matcher = (list: string) => new CategoryMatcher(framework.categories[list]!, framework.notStated);

  it.each([
    ['crime', 'Domestic abuse', 'domestic_abuse'],
    ['crime', 'domestic   ABUSE', 'domestic_abuse'],
    ['crime', 'DA', 'domestic_abuse'],
    ['crime', 'Stalking & harassment', 'stalking_harassment'],
    ['crime', 'Criminal damage & arson', 'criminal_damage'],
    ['crime', 'Violence against the person - Violence with injury', 'violence'],
    ['source', 'Self-referral', 'self'],
    ['source', 'self referral', 'self'],
    ['source', 'Self-referral (online)', 'self_online'],
    ['source', 'BTP', 'other_police'],
    ['ethnicity', 'Asian or Asian British: Pakistani', 'asian'],
    ['ethnicity', 'White - Irish', 'white'],
    ['ethnicity', 'English, Welsh, Scottish, Northern Irish or British', 'white'],
    ['ethnicity', 'Black/African/Caribbean/Black British', 'black'],
    ['gender', 'F', 'female'],
    ['disability', 'Not disabled', 'no'],
    ['district', 'South Cambs', 'south_cambridgeshire'],
    ['outcome', 'Better informed', 'informed'],
    ['support', 'One-off', 'single_incident'],
    ['ethnicity', 'W1', 'white'],
    ['ethnicity', 'w9', 'white'],
    ['ethnicity', 'M2', 'mixed'],
    ['ethnicity', 'A4', 'asian'],
    ['ethnicity', 'O1', 'asian'],
    ['ethnicity', 'B2', 'black'],
    ['ethnicity', 'O2', 'other'],
    ['gender', 'NB', 'non_binary'],
    // The school census (DfE) codes, and the 2021 census's "in another way".
    ['ethnicity', 'WBRI', 'white'],
    ['ethnicity', 'WROM', 'white'],
    ['ethnicity', 'MWBA', 'mixed'],
    ['ethnicity', 'CHNE', 'asian'],
    ['ethnicity', 'BCRB', 'black'],
    ['ethnicity', 'OOTH', 'other'],
    ['gender', 'In another way', 'other'],
    ['disability', 'TRUE', 'yes'],
    ['disability', 'false', 'no'],
  ])('matches %s %p to %s', (list, text, id) => {
    expect(matcher(list).read(text)).toEqual({ kind: 'matched', id });
  });

  it.each(['', 'Unknown', 'Not known', 'N/K', 'Not stated', 'Prefer not to say', 'Did not disclose', 'Declined', 'prefer not  to say'])(
    'puts %p in the not-stated bucket',
    (text) => {
      expect(matcher('gender').read(text)).toEqual({ kind: 'not_stated', id: 'not_stated' });
      expect(matcher('crime').read(text)).toEqual({ kind: 'not_stated', id: 'unknown' });
    },
  );

  it.each([
    ['gender', 'U'],
    ['ethnicity', 'REFU'],
    ['ethnicity', 'NOBT'],
  ])('reads %s %p, a code for not known or refused, as not stated without reporting it', (list, text) => {
    expect(matcher(list).read(text)).toMatchObject({ id: 'not_stated' });
    expect(matcher(list).read(text).kind).not.toBe('unrecognised');
  });

  it('reads a not-stated word as the category a list names it for, and as not stated in other lists', () => {
    const safeSpaces = builtInFramework('safe-spaces');
    const ethnicity = new CategoryMatcher(safeSpaces.categories.ethnicity!, safeSpaces.notStated);
    expect(ethnicity.read('Prefer not to say')).toEqual({ kind: 'matched', id: 'not_specified' });
    expect(ethnicity.read('Not known')).toEqual({ kind: 'not_stated', id: 'unknown' });
    expect(new CategoryMatcher(safeSpaces.categories.gender!, safeSpaces.notStated).read('Prefer not to say')).toEqual({ kind: 'not_stated', id: 'unknown' });
  });

  it.each([
    ['gender', 'Nonbinary', 'non_binary'],
    ['sexual_orientation', 'Pansexual', 'other'],
    ['sexual_orientation', 'Bi', 'bisexual'],
    ['disability', 'TRUE', 'disabled'],
  ])("reads Safe Spaces' %s %p, as Cambridgeshire does, as %s", (list, text, id) => {
    const safeSpaces = builtInFramework('safe-spaces');
    expect(new CategoryMatcher(safeSpaces.categories[list]!, safeSpaces.notStated).read(text)).toEqual({ kind: 'matched', id });
  });

  it.each([
    ['White: Gypsy or Irish Traveller', 'white_other'],
    ['White: Roma', 'white_other'],
    ['White: Other White', 'white_other'],
    ['Any other ethnic group', 'other'],
    ['W1', 'white_british'],
    ['W2', 'white_irish'],
    ['A4', 'asian'],
    ['WBRI', 'white_british'],
    ['WROM', 'white_other'],
    ['REFU', 'not_specified'],
    ['NOBT', 'unknown'],
  ])("reads Safe Spaces' ethnicity %p, a 2021 census category or its code, as %s", (text, id) => {
    const safeSpaces = builtInFramework('safe-spaces');
    expect(new CategoryMatcher(safeSpaces.categories.ethnicity!, safeSpaces.notStated).read(text)).toEqual({ kind: 'matched', id });
  });

  it.each([
    ['sexual_orientation', 'Straight/Heterosexual', 'heterosexual'],
    ['sexual_orientation', 'Gay / Lesbian', 'gay_lesbian'],
    ['disability', 'Yes/Disabled', 'yes'],
  ])('matches %s %p, alternatives that all spell one category, to %s', (list, text, id) => {
    expect(matcher(list).read(text)).toEqual({ kind: 'matched', id });
  });

  it.each([
    ['crime', 'Domestic abuse/Stalking and harassment'],
    ['sexual_orientation', 'Straight/Not known'],
    ['sexual_orientation', 'Straight/Bisexual'],
  ])('does not recognise %s %p, alternatives that spell different categories or none', (list, text) => {
    expect(matcher(list).read(text).kind).toBe('unrecognised');
  });

  it.each([
    ['Fenland District Council', 'fenland'],
    ['Peterborough City Council', 'peterborough'],
    ['Huntingdonshire DC', 'huntingdonshire'],
    ['South Cambridgeshire district council', 'south_cambridgeshire'],
  ])('matches district %p, an area written as its council, to %s', (text, id) => {
    expect(matcher('district').read(text)).toEqual({ kind: 'matched', id });
  });

  it('does not take a council it does not know for an area', () => {
    expect(matcher('district').read('Norfolk County Council').kind).toBe('unrecognised');
    expect(matcher('district').read('Council').kind).toBe('unrecognised');
  });

  it.each([
    ['Police - BTP', 'other_police'],
    ['Police (other force)', 'other_police'],
    ['Police (BTP)', 'other_police'],
    ['Police (British Transport Police)', 'other_police'],
    ['Police: another force', 'other_police'],
    ['Police (Action Fraud)', 'action_fraud'],
    ['Police: Action Fraud', 'action_fraud'],
    ['Self referral (website)', 'self_online'],
    ['Self-referral - online form', 'self_online'],
    // A detail naming the group's own category, or a not-stated word, leaves the group.
    ['Police - Cambridgeshire Constabulary', 'police'],
    ['Police (not known)', 'police'],
    ['Police - Cambs Police', 'police'],
  ])('reads source %p, a group with a detail naming a category that narrows it, as %s', (text, id) => {
    expect(matcher('source').read(text)).toEqual({ kind: 'matched', id });
  });

  it('counts a group whose detail it does not know, where other categories narrow the group, as the group and says what the detail may mean', () => {
    expect(matcher('source').read('Police - Norfolk Constabulary')).toEqual({ kind: 'group_only', id: 'police', detail: 'Norfolk Constabulary', narrowedBy: ['Other police force', 'Action Fraud'] });
    expect(matcher('source').read('Self referral (email)')).toEqual({ kind: 'group_only', id: 'self', detail: 'email', narrowedBy: ['Self-referral (online)'] });
  });

  it.each([
    ['crime', 'Domestic abuse - Assault', 'domestic_abuse'],
    ['crime', 'Violence with injury - DA', 'violence'],
    ['crime', 'Theft - Other', 'theft'],
    ['ethnicity', 'White - Other', 'white'],
    ['ethnicity', 'Asian or Asian British: Sri Lankan', 'asian'],
  ])('reads %s %p by its group where no category is declared to narrow it, as %s', (list, text, id) => {
    expect(matcher(list).read(text)).toEqual({ kind: 'matched', id });
  });

  it("reads Lancashire's and West Midlands' police and self-referral sub-sources as theirs", () => {
    const lancashire = builtInFramework('lancashire');
    expect(new CategoryMatcher(lancashire.categories.source!, lancashire.notStated).read('Police - MASH')).toEqual({ kind: 'matched', id: 'mash' });
    const westMidlands = builtInFramework('west-midlands');
    const source = new CategoryMatcher(westMidlands.categories.source!, westMidlands.notStated);
    expect(['Police - BTP', 'Police (Action Fraud)', 'Self referral (website)'].map((text) => source.read(text))).toEqual(
      ['btp', 'action_fraud', 'self_website'].map((id) => ({ kind: 'matched', id })),
    );
  });

  it.each([
    ['Asian, Asian British or Asian Welsh', 'asian'],
    ['Black, Black British, Black Welsh, Caribbean or African', 'black'],
    ['Mixed or Multiple ethnic groups', 'mixed'],
    ['Asian, Asian British or Asian Welsh: Other Asian', 'asian'],
    ['Black, Black British, Black Welsh, Caribbean or African: Other Black', 'black'],
    ['Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups', 'mixed'],
    ['White: Other White', 'white'],
    ['Black/African/Caribbean/Black British: Any other Black/African/Caribbean background', 'black'],
    ['White: English/Welsh/Scottish/Northern Irish/British', 'white'],
  ])('reads ethnicity %p, a 2021 (or 2011) census group or category, as %s', (text, id) => {
    expect(matcher('ethnicity').read(text)).toEqual({ kind: 'matched', id });
    const safeSpaces = builtInFramework('safe-spaces');
    if (id !== 'white') expect(new CategoryMatcher(safeSpaces.categories.ethnicity!, safeSpaces.notStated).read(text)).toEqual({ kind: 'matched', id });
  });

  it("reports a bare census group where the list has only its detailed categories (Safe Spaces' White)", () => {
    const safeSpaces = builtInFramework('safe-spaces');
    expect(new CategoryMatcher(safeSpaces.categories.ethnicity!, safeSpaces.notStated).read('White').kind).toBe('unrecognised');
  });

  it('lists the values of a cell giving several, and none for a cell giving one, a spelling with ";" in it included', () => {
    expect(matcher('outcome').listedIn('Wellbeing; Improved sense of empowerment (better informed)')).toEqual(['Wellbeing', 'Improved sense of empowerment (better informed)']);
    expect(matcher('outcome').listedIn('Wellbeing |Safety\nCope and recover')).toEqual(['Wellbeing', 'Safety', 'Cope and recover']);
    expect(matcher('outcome').listedIn('Wellbeing;')).toBeNull();
    expect(matcher('outcome').listedIn('Improved sense of empowerment (better informed)')).toBeNull();
    const withSemicolon = { ...framework.categories.outcome!, items: [{ id: 'advice', label: 'Advice; information', synonyms: [], notes: [], aliases: [] }] };
    expect(new CategoryMatcher(withSemicolon, framework.notStated).listedIn('Advice;  Information')).toBeNull();
  });

  it('counts an unrecognised value in the unknown bucket and says so', () => {
    expect(matcher('crime').read('Blackmail')).toEqual({ kind: 'unrecognised', id: 'unknown' });
  });

  it('has no bucket for lists without one (outcomes)', () => {
    expect(matcher('outcome').read('')).toEqual({ kind: 'not_stated', id: null });
    expect(matcher('outcome').read('Happier')).toEqual({ kind: 'unrecognised', id: null });
  });

  it('lists the accepted labels without the unknown bucket', () => {
    expect(matcher('gender').acceptedLabels()).toEqual(['Female', 'Male', 'Non-binary', 'Other gender identity']);
  });
});

describe('readWholeNumber', () => {
  it.each<[string | number | null, number | null]>([
    ['12', 12],
    [' 12 ', 12],
    ['12.0', 12],
    ['0', 0],
    ['1,234', 1234],
    [12, 12],
    [null, null],
    ['', null],
  ])('reads %p as %p', (cell, value) => {
    expect(readWholeNumber(cell)).toEqual({ ok: true, value });
  });
  it.each<string | number | boolean>(['12.5', '-1', '***', 'N/A', 'twelve', 12.5, -1, true, '1,23'])('rejects %p', (cell) => {
    expect(readWholeNumber(cell)).toEqual({ ok: false });
  });
});
