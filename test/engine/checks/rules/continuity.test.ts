import { findings, returnWith } from '../../../support/returns';

describe('continuity', () => {
  const rule = { kind: 'continuity', figure: 'caseload_start.total', previous: 'caseload_end.total' };
  it('needs the previous return', () => {
    expect(findings(rule, returnWith({ 'caseload_start.total': 80 }))).toEqual([]);
  });
  it("compares the opening figure with the previous return's closing one", () => {
    const previous = returnWith({ 'caseload_end.total': 81 }, { source: 'q1.json' });
    expect(findings(rule, returnWith({ 'caseload_start.total': 81 }), previous)).toEqual([]);
    expect(findings(rule, returnWith({ 'caseload_start.total': 79 }), previous)[0]?.message).toBe(
      'Existing caseload at the start of the period is 79, but the previous return (q1.json) closed with Caseload open at the end of the period of 81 (2 fewer).',
    );
  });
});
