import { findings, returnWith } from '../../../support/returns';

describe('missing', () => {
  const rule = { kind: 'missing', figures: '**', except: ['waiting.average_days'] };
  it('passes a return with every figure filled in', () => {
    expect(findings(rule, returnWith({ 'waiting.average_days': null }))).toEqual([]);
  });
  it('reports blank figures, counting them, with their labels', () => {
    expect(findings(rule, returnWith({ 'referrals.total': null, 'support.total': null }))).toEqual([
      { figures: ['referrals.total', 'support.total'], params: {}, message: '2 figures are blank: Total new referrals and Victims receiving support.' },
    ]);
  });
  it('reports a figure left out of the file as blank', () => {
    const data = returnWith({});
    delete data.values['cjs.reported_to_police'];
    expect(findings(rule, data)).toEqual([{ figures: ['cjs.reported_to_police'], params: {}, message: '1 figure is blank: Supported victims who reported the crime to the police as a result of the support.' }]);
  });
  it('leaves text in a figure cell to the not-a-number rule', () => {
    expect(findings(rule, returnWith({ 'referrals.total': '***' }))).toEqual([]);
  });
});
