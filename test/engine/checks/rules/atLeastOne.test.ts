import { findings, returnWith } from '../../../support/returns';

describe('at_least_one', () => {
  const rule = { kind: 'at_least_one', list: 'caseStudies', itemLabel: 'case study' };
  it('reports a return with no case study, blank entries not counting', () => {
    const lists = { caseStudies: [{ caseId: 'A', row: 4, text: '  ' }] };
    expect(findings(rule, returnWith({}, { lists }))).toEqual([{ figures: [], params: { actual: 0, limit: 1 }, message: 'No case study is given; the return asks for at least 1.' }]);
  });
  it('reports fewer than the number asked for', () => {
    const lists = { caseStudies: [{ caseId: 'A', text: 'Supported through the trial.' }] };
    expect(findings({ ...rule, min: 2 }, returnWith({}, { lists }))[0]!.message).toBe('Only 1 case study is given; the return asks for at least 2.');
  });
  it('passes a return with one, and does not judge a return that lacks the list', () => {
    expect(findings(rule, returnWith({}, { lists: { caseStudies: [{ text: 'Helped to move home.' }] } }))).toEqual([]);
    expect(findings(rule, returnWith({}))).toEqual([]);
  });
  it('counts the rows begun in a typed-in table of that id', () => {
    const row = { row: 1, cells: { text: { value: 'Helped to move home.', problem: null } } };
    expect(findings({ ...rule, list: 'case_studies' }, returnWith({}, { tables: { case_studies: [] } }))[0]!.message).toBe('No case study is given; the return asks for at least 1.');
    expect(findings({ ...rule, list: 'case_studies' }, returnWith({}, { tables: { case_studies: [row] } }))).toEqual([]);
  });
});
