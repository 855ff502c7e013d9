import { findings, returnWith } from '../../../support/returns';

describe('not_whole', () => {
  const rule = { kind: 'not_whole', figures: '**', except: ['waiting.*'] };
  it('reports a count with a fraction', () => {
    expect(findings(rule, returnWith({ 'referrals.total': 12.5 }))).toEqual([
      { figures: ['referrals.total'], params: { actual: 12.5 }, message: 'Total new referrals is 12.5, but it counts people or cases, so it must be a whole number.' },
    ]);
  });
  it('passes averages that are allowed fractions', () => {
    expect(findings(rule, returnWith({ 'waiting.average_days': 12.5 }))).toEqual([]);
  });
});
