import { builtInFramework } from '../../../src/frameworks/load';
import { mapHeaders, spellingsOf } from '../../../src/engine/cases/headers';

const framework = builtInFramework('cambridgeshire');
const placed = (headers: string[]) => mapHeaders(headers, framework).placements.map((p) => [p.header, p.column.key, p.repeat]);

describe('mapHeaders', () => {
  const everySpelling = framework.columns.flatMap((column) => spellingsOf(column).map((s) => [s.spelling, column.key, s.repeat] as const));

  it.each(everySpelling)('maps the header %p to %s', (spelling, key, repeat) => {
    expect(placed([spelling])).toEqual([[spelling, key, repeat]]);
  });

  it.each([
    ['CASE ID', 'case_id'],
    ['case_id', 'case_id'],
    ['CaseID', 'case_id'],
    ['  Date   referred ', 'referral_date'],
    ['Eligible (Y/N)', 'eligible'],
    ['Contacted (yes/no)', 'contacted'],
    ['Referral date [dd/mm/yyyy]', 'referral_date'],
    ['Letters / emails sent', 'letters_emails'],
    ['Outcome_3', 'outcome'],
    ['Disability (incl. mental health)', 'disability'],
  ])('ignores case, spacing, punctuation and a trailing hint: %p → %s', (header, key) => {
    expect(placed([header])[0]?.[1]).toBe(key);
  });

  it.each([
    ['Victim DOB', 'age'],
    ["Client's Gender", 'gender'],
    ['Service User Ethnicity', 'ethnicity'],
    ['VICTIM_AGE', 'age'],
    ['Victim sexuality', 'sexual_orientation'],
    ['Customer disability (Y/N)', 'disability'],
    ['Victim ID', 'case_id'],
    ['Victim contacted', 'contacted'],
  ])('reads a header with the victim named first as the column it names: %p → %s', (header, key) => {
    expect(placed([header])[0]?.[1]).toBe(key);
  });

  it.each([
    ['Referral Date/Time', 'referral_date'],
    ['Date & Time Closed', 'exit_date'],
    ['Date and time of referral', 'referral_date'],
    ['Victim Date-Time of Referral', 'referral_date'],
  ])('reads "date/time" in a header as "date": %p → %s', (header, key) => {
    expect(placed([header])[0]?.[1]).toBe(key);
  });

  it('reads a date-and-time event column headed "Contact Date/Time" (Safe Spaces contacts)', () => {
    const contacts = builtInFramework('safe-spaces').events!.find((e) => e.id === 'contacts')!;
    const view = { ...builtInFramework('safe-spaces'), columns: contacts.columns };
    expect(mapHeaders(['Contact Date/Time', 'Date Responded'], view).placements.map((p) => p.column.key)).toEqual(['received', 'responded']);
  });

  it.each(['cambridgeshire', 'lancashire', 'safe-spaces', 'staffordshire', 'west-midlands'])('reads URN as the Case ID and Close date as the exit date in %s', (id) => {
    const fw = builtInFramework(id);
    const keys = mapHeaders(['URN', 'Close date'], fw).placements.map((p) => p.column.key);
    expect(keys).toEqual([fw.caseId, fw.caseDates.exit]);
  });

  it.each(['cambridgeshire', 'lancashire', 'staffordshire', 'west-midlands'])('reads the usual spellings of the referral date in %s', (id) => {
    const fw = builtInFramework(id);
    for (const header of ['Date of referral', 'Date referral received', 'Date/Time Referral Received', 'Referral received date', 'Referred date'])
      expect(mapHeaders([header], fw).placements.map((p) => p.column.key)).toEqual([fw.caseDates.referral]);
  });

  it('keeps a header with the victim named first aside when the rest names no column', () => {
    expect(mapHeaders(['Victim Support worker', 'Client'], framework).ignored).toEqual(['Victim Support worker', 'Client']);
  });

  it('keeps unknown columns aside and notes which required and optional columns are missing', () => {
    const mapping = mapHeaders(['Client ID', 'Worker', 'Date referred', 'Source', 'Offence', 'Notes'], framework);
    expect(mapping.ignored).toEqual(['Worker', 'Notes']);
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.missingOptional.map((c) => c.key)).toContain('gender');
    expect(mapping.placements.map((p) => p.index)).toEqual([0, 2, 3, 4]);
  });

  it('names the required columns that are missing', () => {
    const mapping = mapHeaders(['Client ID', 'Source'], framework);
    expect(mapping.missingRequired.map((c) => c.header)).toEqual(['Referral date', 'Crime type']);
  });

  it('uses the first of two alike headers for the same column and reports the second', () => {
    const mapping = mapHeaders(['Case ID', 'Sex', 'Gender identity', 'Ethnic group', 'Ethnic origin'], framework);
    expect(mapping.placements.map((p) => p.header)).toEqual(['Case ID', 'Gender identity', 'Ethnic group']);
    const gender = framework.columns.find((c) => c.key === 'gender')!;
    expect(mapping.duplicates).toEqual([
      { column: gender, header: 'Sex', index: 1, usedHeader: 'Gender identity', usedIndex: 2, why: 'more_specific' },
      { column: expect.objectContaining({ key: 'ethnicity' }), header: 'Ethnic origin', index: 4, usedHeader: 'Ethnic group', usedIndex: 3, why: 'first' },
    ]);
  });

  const used = (headers: string[]) => {
    const mapping = mapHeaders(headers, framework);
    return { placed: mapping.placements.map((p) => [p.column.key, p.header]), why: mapping.duplicates.map((d) => [d.header, d.why]) };
  };

  it.each([
    [['Case ID', 'Case closed', 'Referral date', 'Date closed'], ['exit_date', 'Date closed'], 'says_type'],
    [['Case ID', 'Conference completed', 'Conference date'], ['conference_date', 'Conference date'], 'says_type'],
    [['Referral received (Y/N)', 'Referral received'], ['referral_date', 'Referral received'], 'other_says_other_type'],
    [['Referral received (Y/N)', 'Referral date'], ['referral_date', 'Referral date'], 'says_type'],
    [['Accepted', 'Support accepted (Y/N)'], ['accepted', 'Support accepted (Y/N)'], 'says_type'],
    [['Contacted (yes/no)', 'Referral received [dd/mm/yyyy]', 'Victim contacted', 'Date received'], ['contacted', 'Contacted (yes/no)'], 'says_type'],
  ])('uses the header that says what the column holds: %j → %j', (headers, placement, why) => {
    const { placed, why: whys } = used(headers);
    expect(placed).toContainEqual(placement);
    expect(whys).toContainEqual([expect.any(String), why]);
  });

  it.each([
    [['Area', 'District'], ['district', 'District'], 'own_name'],
    [['Source', 'Referral source'], ['source', 'Referral source'], 'own_name'],
    [['Offence', 'Crime type'], ['crime', 'Crime type'], 'own_name'],
    [['Victim DOB', 'Date of birth'], ['age', 'Date of birth'], 'exact_spelling'],
    [['Ethnicity (self-described)', 'Ethnic group'], ['ethnicity', 'Ethnic group'], 'exact_spelling'],
    [['Area', 'District of residence'], ['district', 'District of residence'], 'more_specific'],
  ])('uses the column\'s own name over a synonym, a spelling as written over a loose reading, then the header naming more: %j', (headers, placement, why) => {
    const { placed, why: whys } = used(headers);
    expect(placed).toEqual([placement]);
    expect(whys).toEqual([[headers.find((h) => h !== placement[1]), why]]);
  });

  it('keeps the places of the columns in the header row whichever header is used, and maps a header row the same however it is met', () => {
    const headers = ['Case ID', 'Area', 'Referral date', 'Source', 'Crime type', 'Referral source', 'District'];
    const mapping = mapHeaders(headers, framework);
    expect(mapping.placements.map((p) => p.index)).toEqual([0, 2, 4, 5, 6]);
    expect(mapping.duplicates.map((d) => [d.index, d.usedIndex])).toEqual([[1, 6], [3, 5]]);
    expect(mapHeaders([...headers], framework)).toEqual(mapping);
  });

  it('reads a numbered column given once, without its number, as the first of them', () => {
    expect(placed(['Outcome'])).toEqual([['Outcome', 'outcome', 1]]);
    expect(placed(['Exit Outcome (at closure)', 'Outcome 2'])).toEqual([
      ['Exit Outcome (at closure)', 'outcome', 1],
      ['Outcome 2', 'outcome', 2],
    ]);
  });

  it('places each numbered outcome column separately', () => {
    expect(placed(['Outcome 1', 'Exit outcome 2', 'Outcome 4'])).toEqual([
      ['Outcome 1', 'outcome', 1],
      ['Exit outcome 2', 'outcome', 2],
      ['Outcome 4', 'outcome', 4],
    ]);
  });
});
