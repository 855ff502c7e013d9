import { previousFor, previousPeriodNotes, previousReturnProblems, previousUnused, refuseUnnamedPrevious } from '../../../src/engine/checks/previousReturn';
import { periodFromIso } from '../../../src/engine/tally/period';
import { builtInFramework } from '../../../src/frameworks/load';
import { returnWith } from '../../support/returns';

const SPRING = periodFromIso('2019-10-01', '2020-03-31');
const now = returnWith({}, { source: 'now.xlsx', provider: 'Alpha Support' });
const earlier = (extra: Parameters<typeof returnWith>[1] = {}) => returnWith({}, { source: 'before.xlsx', period: SPRING, provider: 'Alpha Support', ...extra });

describe('a previous return must be the same provider\u2019s return of an earlier period', () => {
  it('accepts the same provider\u2019s return of the period just before, with no note', () => {
    expect(previousReturnProblems(now, earlier())).toEqual([]);
    expect(previousPeriodNotes(now, earlier())).toEqual([]);
  });

  it('refuses the same period, naming it', () => {
    expect(previousReturnProblems(now, earlier({ period: now.period }))).toEqual(['before.xlsx covers the same period as now.xlsx (1 Apr 2020 to 30 Sep 2020), so it is not a previous period.']);
  });

  it('refuses a period that ends after the current one starts, naming both periods', () => {
    expect(previousReturnProblems(now, earlier({ period: periodFromIso('2020-10-01', '2021-03-31') }))).toEqual([
      'before.xlsx covers 1 Oct 2020 to 31 Mar 2021, which does not end before the period of now.xlsx (1 Apr 2020 to 30 Sep 2020) starts.',
    ]);
    expect(previousReturnProblems(now, earlier({ period: periodFromIso('2020-01-01', '2020-04-01') }))).toHaveLength(1);
  });

  it('refuses another provider\u2019s return, and says both reasons when the period is the same too', () => {
    expect(previousReturnProblems(now, earlier({ provider: 'Bravo Hub', period: now.period }))).toEqual([
      'before.xlsx is Bravo Hub\u2019s return but now.xlsx is Alpha Support\u2019s: a return follows on only from the same provider\u2019s.',
      'before.xlsx covers the same period as now.xlsx (1 Apr 2020 to 30 Sep 2020), so it is not a previous period.',
    ]);
    // Spelling and spacing of a name are not another provider.
    expect(previousReturnProblems(now, earlier({ provider: ' alpha  support ' }))).toEqual([]);
  });

  it('refuses another framework\u2019s return in the same words as the meeting pack', () => {
    expect(previousReturnProblems(now, earlier({ framework: builtInFramework('lancashire') }))).toEqual([expect.stringMatching(/^before\.xlsx is a return of ".*" but now\.xlsx is one of "Cambridgeshire.*"\.$/)]);
  });

  it('notes a gap between the previous period and this one, counting the days', () => {
    const notes = previousPeriodNotes(now, earlier({ period: periodFromIso('2019-04-01', '2019-09-30') }));
    expect(notes.map((n) => [n.code, n.severity, n.message])).toEqual([
      ['previous_period', 'info', "before.xlsx ends on 30 Sep 2019, not the day before now.xlsx's period starts (1 Apr 2020): the 183 days between are in neither return, so their opening and closing figures need not follow on."],
    ]);
  });
});

describe('matching previous returns to the returns checked', () => {
  const alpha = earlier();
  const bravo = earlier({ source: 'bravo-before.xlsx', provider: 'Bravo Hub' });
  const charlie = returnWith({}, { source: 'charlie.xlsx', provider: 'Charlie Care' });

  it('checking several, compares each only with the previous return of its own provider', () => {
    expect(previousFor(now, [bravo, alpha], true)).toEqual({ previous: alpha, notes: [] });
    expect(previousFor(returnWith({}, { source: 'bravo.xlsx', provider: 'Bravo Hub' }), [alpha, bravo], true).previous).toBe(bravo);
  });

  it('says of a provider without a previous return that the continuity rules were not run', () => {
    const { previous, notes } = previousFor(charlie, [alpha, bravo], true);
    expect(previous).toBeNull();
    expect(notes.map((n) => [n.code, n.message])).toEqual([['not_compared', 'No previous return of Charlie Care was given (before.xlsx, bravo-before.xlsx are another provider\u2019s), so the rules comparing with last period were not run for charlie.xlsx.']]);
  });

  it('uses the latest of a provider\u2019s earlier returns', () => {
    const older = earlier({ source: 'older.xlsx', period: periodFromIso('2019-04-01', '2019-09-30') });
    expect(previousFor(now, [alpha, older], false).previous).toBe(alpha);
    expect(previousFor(now, [older, alpha], true).previous).toBe(alpha);
  });

  it('checking one return, refuses a previous return of another provider rather than pass it over', () => {
    expect(() => previousFor(now, [bravo], false)).toThrow('bravo-before.xlsx cannot be the previous return of now.xlsx: bravo-before.xlsx is Bravo Hub\u2019s return but now.xlsx is Alpha Support\u2019s');
  });

  it('checking several, refuses a previous return that names no provider', () => {
    expect(() => refuseUnnamedPrevious([alpha, earlier({ source: 'who.json', provider: null })])).toThrow(/^who\.json does not name a provider, so it is not known whose previous return it is/);
    expect(() => refuseUnnamedPrevious([alpha, bravo])).not.toThrow();
  });

  it('names the previous returns of providers not checked, as not used', () => {
    expect(previousUnused(['ALPHA SUPPORT', null], [alpha, bravo])).toEqual(['bravo-before.xlsx is Bravo Hub\u2019s previous return, and no return checked is Bravo Hub\u2019s: it was not used.']);
    expect(previousUnused(['Alpha Support', 'Bravo Hub'], [alpha, bravo])).toEqual([]);
  });

  it('gives nothing to compare and no note when no previous return is given', () => {
    expect(previousFor(now, [], true)).toEqual({ previous: null, notes: [] });
  });
});
