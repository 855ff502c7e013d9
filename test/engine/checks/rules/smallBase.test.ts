import { findings, returnWith } from '../../../support/returns';

describe('small_base', () => {
  const rule = { kind: 'small_base', figure: 'outcomes.informed', base: 'outcomes.exits', minBase: 10 };
  it('queries a percentage from one survey response (100% from n = 1)', () => {
    expect(findings(rule, returnWith({ 'outcomes.informed': 100, 'outcomes.exits': 1 }))[0]?.message).toBe(
      'Outcome: Improved sense of empowerment (better informed) (100) rests on Supported victims exiting the service of 1, fewer than 10: one answer cannot show how the service is doing.',
    );
  });
  it('passes a large enough base', () => {
    expect(findings(rule, returnWith({ 'outcomes.informed': 100, 'outcomes.exits': 10 }))).toEqual([]);
  });
});
