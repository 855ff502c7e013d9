import { figuresOf } from '../../../src/frameworks/expand';
import { importCases } from '../../../src/engine/cases/importCases';
import { figureFormula } from '../../../src/engine/formulas/figureFormula';
import { periodFromIso } from '../../../src/engine/tally/period';
import { percentageOf, tallyCases } from '../../../src/engine/tally/tally';
import { HEADERS, ROWS } from '../../fixtures/handBuiltCases';
import { monthlyCambridgeshire } from '../../support/monthlyFramework';
import { tableOf } from '../../support/tables';

const framework = monthlyCambridgeshire();
const quarter = periodFromIso('2020-04-01', '2020-06-30');
const { figures } = tallyCases(importCases(tableOf(HEADERS, ROWS), framework).cases, framework, quarter);
const byId = new Map(figuresOf(framework).map((f) => [f.id, f]));

describe('percentage figures', () => {
  it('are 100 × numerator ÷ base to one decimal, each month of its months\' figures', () => {
    for (const suffix of ['.m1', '.m2', '.m3', '']) {
      const [numerator, base] = [figures[`referrals.self${suffix}`]!, figures[`referrals.total${suffix}`]!];
      expect(figures[`referrals.self_share${suffix}`]).toBe(base === 0 ? null : Math.round((1000 * numerator) / base) / 10);
    }
    expect(figures['referrals.self_share']).not.toBeNull();
    expect(byId.get('referrals.self_share')!.decimals).toBe(1);
  });

  it('are blank, not an error, while the base is 0 or not typed in', () => {
    expect(figures['rj.proactive_share']).toBeNull();
    expect(percentageOf(3, 0)).toBeNull();
    expect(percentageOf(null, 4)).toBeNull();
    expect(percentageOf(1, 3)).toBe(33.3);
    expect(percentageOf(1, 16)).toBe(6.3); // a half rounds away from zero, as ROUND does
    expect(figureFormula(byId.get('rj.proactive_share')!, framework)).toBe('IF(OR(support.total="",N(rj.proactive_referrals)=0),"",ROUND(100*support.total/rj.proactive_referrals,1))');
    expect(figureFormula(byId.get('referrals.self_share.m2')!, framework)).toBe('IF(OR(referrals.self.m2="",N(referrals.total.m2)=0),"",ROUND(100*referrals.self.m2/referrals.total.m2,1))');
  });
});
