import { findings, returnWith } from '../../../support/returns';

describe('negative', () => {
  const rule = { kind: 'negative', figures: '**' };
  it('reports a figure below zero', () => {
    expect(findings(rule, returnWith({ 'waiting.average_number': -0.5 }))).toEqual([
      { figures: ['waiting.average_number'], params: { actual: -0.5 }, message: 'Average number of victims on waiting lists is -0.5, below zero.' },
    ]);
  });
  it('passes zero', () => {
    expect(findings(rule, returnWith({}))).toEqual([]);
  });
});
