import { findings, returnWith } from '../../../support/returns';

describe('cap', () => {
  const rule = { kind: 'cap', figure: 'outcomes.total', factor: 4, of: 'outcomes.exits' };
  it('allows up to four outcomes per exit', () => {
    expect(findings(rule, returnWith({ 'outcomes.total': 40, 'outcomes.exits': 10 }))).toEqual([]);
  });
  it('reports more', () => {
    expect(findings(rule, returnWith({ 'outcomes.total': 41, 'outcomes.exits': 10 }))[0]?.message).toBe(
      'Total outcomes recorded is 41, more than 4 × Supported victims exiting the service (10) = 40.',
    );
  });
});
