import { findings, returnWith } from '../../../support/returns';

describe('plausibility', () => {
  const rule = { kind: 'plausibility', breakdown: 'demographics.disability.*', exclude: ['demographics.disability.not_stated'], share: 0.99, minBase: 100 };
  it('queries one category holding almost everyone (99.995% not disabled)', () => {
    const result = findings(rule, returnWith({ 'demographics.disability.no': 19999, 'demographics.disability.yes': 1 }));
    expect(result).toHaveLength(1);
    expect(result[0]!.figures[0]).toBe('demographics.disability.no');
    expect(result[0]!.message).toBe('Disability: No holds 19,999 of 20,000 (99.9%) for disability (including mental health): so nearly everyone in one category suggests a default value was recorded.');
  });
  it('passes a spread breakdown, a small one, and a not-stated bucket holding everyone', () => {
    expect(findings(rule, returnWith({ 'demographics.disability.no': 90, 'demographics.disability.yes': 20 }))).toEqual([]);
    expect(findings(rule, returnWith({ 'demographics.disability.no': 99 }))).toEqual([]);
    expect(findings(rule, returnWith({ 'demographics.disability.not_stated': 500 }))).toEqual([]);
  });
});
