import { findings, returnWith } from '../../../support/returns';

describe('funnel', () => {
  const rule = { kind: 'funnel', chain: ['referrals.total', 'support.total', 'outcomes.exits'] };
  it('passes a narrowing chain', () => {
    expect(findings(rule, returnWith({ 'referrals.total': 10, 'support.total': 8, 'outcomes.exits': 8 }))).toEqual([]);
  });
  it('reports each stage larger than the one before', () => {
    expect(findings(rule, returnWith({ 'referrals.total': 10, 'support.total': 12, 'outcomes.exits': 13 })).map((f) => f.figures)).toEqual([
      ['referrals.total', 'support.total'],
      ['support.total', 'outcomes.exits'],
    ]);
  });
});
