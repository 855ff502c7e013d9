import { caseIdScrubber } from '../../../src/engine/disclosure/caseIdText';

describe('taking Case IDs out of a text', () => {
  const scrub = caseIdScrubber(['VS-100000', 'JONES', 'AB-1', 'C123', 'CASE 7', 'ref 2020 11', '48213', '42', 'A', 'Ann']);

  it.each([
    ['Helped VS-100000 with housing.', 'Helped [case] with housing.'],
    ['helped vs-100000 and jones, then ab-1', 'helped [case] and [case], then [case]'],
    ['Case 7 was moved; CASE  7 stayed', '[case] was moved; [case] stayed'],
    ['see Ref 2020 11.', 'see [case].'],
    ['48213 (reopened)', '[case] (reopened)'],
    ['C123 called back', '[case] called back'],
    // An ID of a case no longer in the data, shaped as the others are.
    ['VS-100847’s exit date is blank', '[case]’s exit date is blank'],
  ])('%p → %p', (text, clean) => {
    expect(scrub(text)).toBe(clean);
  });

  it.each([
    // Numbers in a sentence: a short numeric ID, a count, a year; words that only contain an ID; another system's IDs.
    '42 victims were referred, 10234 contacts in 2020: a record, Ann said',
    'CASE 77 and CASE 7B are not CASE 7 words',
    'Jonesborough office',
    'VS-1000000 and XS-100000',
    // A short ID lends no shape: C123 is named, the cell C100 is not an ID.
    'the total in cell C100',
  ])('leaves %p as it is, but for an ID it names', (text) => {
    const kept = scrub(text);
    expect(kept).toBe(text.replace('CASE 7 words', '[case] words'));
  });
});
