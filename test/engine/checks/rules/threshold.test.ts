import { findings, returnWith } from '../../../support/returns';

describe('threshold', () => {
  const rule = { kind: 'threshold', figure: 'waiting.average_number', target: 0, direction: 'at_most' };
  it('reports a figure over its ceiling', () => {
    expect(findings(rule, returnWith({ 'waiting.average_number': 2.5 }))[0]?.message).toBe('Average number of victims on waiting lists is 2.5; the target is at most 0.');
    expect(findings(rule, returnWith({}))).toEqual([]);
  });
  it('reports a figure under its floor, unless its base is too small', () => {
    const floor = { kind: 'threshold', figure: 'outcomes.informed', target: 70, direction: 'at_least', base: 'outcomes.exits', minBase: 10 };
    expect(findings(floor, returnWith({ 'outcomes.informed': 60, 'outcomes.exits': 20 }))).toHaveLength(1);
    expect(findings(floor, returnWith({ 'outcomes.informed': 60, 'outcomes.exits': 5 }))).toEqual([]);
    expect(findings(floor, returnWith({ 'outcomes.informed': 70, 'outcomes.exits': 20 }))).toEqual([]);
  });
});
