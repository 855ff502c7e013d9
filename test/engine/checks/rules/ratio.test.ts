import { findings, returnWith } from '../../../support/returns';

describe('ratio', () => {
  const rule = { kind: 'ratio', percentage: 'waiting.average_days', numerator: 'outcomes.exits', denominator: 'support.total' };
  it('passes a percentage within rounding', () => {
    expect(findings(rule, returnWith({ 'waiting.average_days': 33, 'outcomes.exits': 1, 'support.total': 3 }))).toEqual([]);
  });
  it('shows the division when the percentage is wrong', () => {
    expect(findings(rule, returnWith({ 'waiting.average_days': 40, 'outcomes.exits': 1, 'support.total': 3 }))[0]?.message).toBe(
      'Average waiting time in days is stated as 40%, but Supported victims exiting the service 1 ÷ Victims receiving support 3 = 33.33%.',
    );
  });
  it('reports a percentage outside 0–100 and one with nothing to divide by', () => {
    expect(findings(rule, returnWith({ 'waiting.average_days': 120 }))[0]?.message).toBe('Average waiting time in days is 120%, outside 0–100%.');
    expect(findings(rule, returnWith({ 'waiting.average_days': 100, 'outcomes.exits': 1, 'support.total': 0 }))[0]?.message).toMatch(/Victims receiving support is 0/);
  });
  it('lets a percentage of events over cases pass 100, where the rule says it may, and still reports one below 0', () => {
    const events = { ...rule, mayExceed100: true };
    expect(findings(events, returnWith({ 'waiting.average_days': 120, 'outcomes.exits': 6, 'support.total': 5 }))).toEqual([]);
    expect(findings(events, returnWith({ 'waiting.average_days': 130, 'outcomes.exits': 6, 'support.total': 5 }))[0]?.message).toMatch(/= 120%/);
    expect(findings(events, returnWith({ 'waiting.average_days': -5 }))[0]?.message).toBe('Average waiting time in days is -5%, below 0%.');
  });
});
