import { figuresOf } from '../../../src/frameworks/expand';
import { builtInFramework } from '../../../src/frameworks/load';
import { blankedBy, figureSpec } from '../../../src/engine/spec/figureSpec';

const framework = builtInFramework('cambridgeshire');
const spec = (id: string) => figureSpec(figuresOf(framework).find((f) => f.id === id)!, framework);

describe('figureSpec', () => {
  it('compiles a figure into disjoint terms over its population, conditions and breakdown', () => {
    const disengaged = spec('support.disengaged');
    expect(disengaged.kind).toBe('count');
    // Active (blank exit, or exit from the first day) × (disengaged, or declined and not disengaged).
    expect(disengaged.kind === 'count' && disengaged.terms).toHaveLength(4);
    const police = spec('cjs.reported_to_police');
    expect(police.kind === 'count' && police.terms[0]).toEqual(
      expect.arrayContaining([{ test: 'not_in', column: 'source', values: ['police', 'other_police', 'action_fraud'] }, { test: 'in', column: 'reported_to_police', values: ['yes'] }]),
    );
    const safety = spec('outcomes.safety');
    expect(safety.kind === 'count' && safety.terms.every((t) => t.some((a) => a.test === 'has' && a.value === 'safety'))).toBe(true);
  });

  it('names every column a figure reads, and a sum of figures reads what its parts read', () => {
    expect(spec('cjs.reported_to_police').reads).toEqual(expect.arrayContaining(['referral_date', 'exit_date', 'contacted', 'accepted', 'reported_to_police', 'source']));
    expect(spec('outcomes.total').reads).toEqual(expect.arrayContaining(['outcome', 'contacted']));
    expect(spec('waiting.average_days').reads).toEqual(['waiting_start', 'waiting_end', 'referral_date']);
  });

  it('blanks a figure for a missing column it reads, but not for a missing column with a not-stated bucket', () => {
    const absent = new Set(['mental_health_needs', 'gender']);
    expect(blankedBy(spec('needs.mental_health'), absent, framework)).toEqual(['mental_health_needs']);
    expect(blankedBy(spec('demographics.gender.female'), absent, framework)).toEqual([]);
    expect(blankedBy(spec('referrals.total'), absent, framework)).toEqual([]);
  });
});
