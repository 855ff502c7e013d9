import { findings, returnWith } from '../../../support/returns';

describe('completeness', () => {
  const rule = { kind: 'completeness', breakdown: 'demographics.sexual_orientation.*', unknown: 'demographics.sexual_orientation.not_stated', share: 0.5, minBase: 20 };
  it('queries a breakdown mostly not stated (98.97% unknown sexuality)', () => {
    const result = findings(rule, returnWith({ 'demographics.sexual_orientation.not_stated': 9897, 'demographics.sexual_orientation.heterosexual': 103 }));
    expect(result[0]?.message).toBe('Sexual orientation: Not stated is 9,897 of 10,000 (99%): more than 50% of the sexual orientation breakdown is not recorded.');
  });
  it('passes at exactly half, and ignores a small base', () => {
    expect(findings(rule, returnWith({ 'demographics.sexual_orientation.not_stated': 10, 'demographics.sexual_orientation.heterosexual': 10 }))).toEqual([]);
    expect(findings(rule, returnWith({ 'demographics.sexual_orientation.not_stated': 15, 'demographics.sexual_orientation.heterosexual': 4 }))).toEqual([]);
  });
});
