import { findings, returnWith } from '../../../support/returns';

describe('subset', () => {
  it('reports each part larger than its whole', () => {
    const rule = { kind: 'subset', part: ['needs.*', 'cjs.reported_to_police'], whole: 'support.total' };
    expect(findings(rule, returnWith({ 'support.total': 10, 'needs.additional': 11, 'needs.mental_health': 10, 'cjs.reported_to_police': 12 })).map((f) => f.message)).toEqual([
      'Supported victims who required additional needs (housing, finance …) (11) is more than Victims receiving support (10), which it is part of.',
      'Supported victims who reported the crime to the police as a result of the support (12) is more than Victims receiving support (10), which it is part of.',
    ]);
  });
  it('adds up several wholes', () => {
    const rule = { kind: 'subset', part: 'support.total', whole: ['caseload_start.total', 'referrals.total'] };
    expect(findings(rule, returnWith({ 'support.total': 81, 'caseload_start.total': 30, 'referrals.total': 50 }))[0]?.message).toBe(
      'Victims receiving support (81) is more than Existing caseload at the start of the period 30 + Total new referrals 50 = 80, which it is part of.',
    );
    expect(findings(rule, returnWith({ 'support.total': 80, 'caseload_start.total': 30, 'referrals.total': 50 }))).toEqual([]);
  });
});
