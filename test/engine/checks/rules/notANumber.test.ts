import { findings, returnWith } from '../../../support/returns';

describe('not_a_number', () => {
  const rule = { kind: 'not_a_number', figures: '**' };
  it.each(['***', 'N/A', 'See narrative report', 'N/!'])('reports %p in a figure cell and never reads it as 0', (text) => {
    expect(findings(rule, returnWith({ 'support.total': text }))).toEqual([
      { figures: ['support.total'], params: { text }, message: `Victims receiving support holds "${text}", which is not a number, so it is not counted as 0 or anything else.` },
    ]);
  });
  it('passes numbers and blanks', () => {
    expect(findings(rule, returnWith({ 'support.total': 4, 'referrals.total': null }))).toEqual([]);
  });
});
