import { periodFromIso } from '../../../../src/engine/tally/period';
import { findings, returnWith } from '../../../support/returns';

describe('period', () => {
  const rule = {
    kind: 'period',
    allowed: [
      { from: '04-01', to: '09-30', label: '1 April to 30 September' },
      { from: '10-01', to: '03-31', label: '1 October to 31 March' },
    ],
  };
  it.each([
    ['2020-04-01', '2020-09-30'],
    ['2020-10-01', '2021-03-31'],
  ])('passes %s to %s', (from, to) => {
    expect(findings(rule, returnWith({}, { period: periodFromIso(from, to) }))).toEqual([]);
  });
  it.each([
    ['2020-04-01', '2020-08-31'],
    ['2020-04-01', '2021-09-30'],
    ['2020-10-01', '2020-03-31'.replace('2020', '2022')],
  ])('queries %s to %s', (from, to) => {
    expect(findings(rule, returnWith({}, { period: periodFromIso(from, to) }))[0]?.message).toMatch(/is not one of the agreed periods \(1 April to 30 September; 1 October to 31 March\)\./);
  });
});
