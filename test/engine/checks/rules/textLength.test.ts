import { findings, returnWith } from '../../../support/returns';

describe('text_length', () => {
  const rule = { kind: 'text_length', list: 'caseStudies', itemLabel: 'case study', maxWords: 200 };
  const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
  it('reports a case study over 200 words', () => {
    const lists = { caseStudies: [{ caseId: 'A', row: 4, text: words(200) }, { caseId: 'B', row: 9, text: words(201) }] };
    expect(findings(rule, returnWith({}, { lists }))).toEqual([{ figures: [], params: { actual: 201, limit: 200, text: 'B' }, message: 'The case study for case B (row 9) has 201 words, over the 200-word limit.' }]);
  });
});
