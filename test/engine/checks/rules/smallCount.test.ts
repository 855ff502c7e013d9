import { findings, returnWith } from '../../../support/returns';

describe('small_count', () => {
  const rule = { kind: 'small_count', figures: 'demographics.gender.**', min: 1, max: 4 };
  it('lists the counts from 1 to 4 in a table', () => {
    const result = findings(rule, returnWith({ 'demographics.gender.female': 4, 'demographics.gender.male': 5, 'demographics.gender.female.robbery': 1 }));
    expect(result).toMatchObject([{ figures: ['demographics.gender.female', 'demographics.gender.female.robbery'], params: { limit: 4 }, message: '2 counts in the Gender table are between 1 and 4: Gender: Female and Gender: Female, Robbery.' }]);
  });
  it('passes zeros and larger counts', () => {
    expect(findings(rule, returnWith({ 'demographics.gender.male': 5 }))).toEqual([]);
  });
});
