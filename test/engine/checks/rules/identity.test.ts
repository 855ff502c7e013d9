import { findings, returnWith } from '../../../support/returns';

describe('identity', () => {
  const rule = { kind: 'identity', figure: 'caseload_end.total', equals: ['+caseload_start.total', '+referrals.total', '-outcomes.exits'] };
  it('passes a balanced stock and flow', () => {
    expect(findings(rule, returnWith({ 'caseload_end.total': 115, 'caseload_start.total': 100, 'referrals.total': 40, 'outcomes.exits': 25 }))).toEqual([]);
  });
  it('shows the arithmetic when it does not balance', () => {
    expect(findings(rule, returnWith({ 'caseload_end.total': 120, 'caseload_start.total': 100, 'referrals.total': 40, 'outcomes.exits': 25 }))[0]?.message).toBe(
      'Caseload open at the end of the period is 120, but Existing caseload at the start of the period 100 + Total new referrals 40 − Supported victims exiting the service 25 = 115 (5 more).',
    );
  });
});
