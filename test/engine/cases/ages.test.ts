import { builtInFramework } from '../../../src/frameworks/load';
import { ageOn, ageReader, readAge } from '../../../src/engine/cases/ages';
import { CategoryMatcher } from '../../../src/engine/cases/categories';
import { dayFromIso, excelSerialOfDay } from '../../../src/engine/cases/dates';

const framework = builtInFramework('cambridgeshire');
const bands = new CategoryMatcher(framework.categories.age!, framework.notStated);
const day = (iso: string) => dayFromIso(iso)!;
const referral = day('2020-06-15');

describe('ageOn', () => {
  it('counts the birthday itself as a year older', () => {
    expect(ageOn(day('2002-06-15'), day('2020-06-15'))).toBe(18);
    expect(ageOn(day('2002-06-16'), day('2020-06-15'))).toBe(17);
    expect(ageOn(day('2002-06-14'), day('2020-06-15'))).toBe(18);
  });
  it('turns a 29 February birthday over on 1 March in other years', () => {
    expect(ageOn(day('2000-02-29'), day('2021-02-28'))).toBe(20);
    expect(ageOn(day('2000-02-29'), day('2021-03-01'))).toBe(21);
    expect(ageOn(day('2000-02-29'), day('2024-02-29'))).toBe(24);
  });
});

describe('readAge', () => {
  it.each<[string | number, string]>([
    [17, '0_17'],
    [18, '18_24'],
    ['24', '18_24'],
    ['25', '25_34'],
    [64, '55_64'],
    [65, '65_plus'],
    [101, '65_plus'],
    [0, '0_17'],
    ['34.0', '25_34'],
    ['34 years', '25_34'],
    ['17 yrs old', '0_17'],
    ['34y', '25_34'],
    ['Age 34', '25_34'],
    ['age: 17', '0_17'],
    ['34 years 11 months', '25_34'],
    ['17 yrs, 6 mths', '0_17'],
    ['25-34', '25_34'],
    ['25 - 34', '25_34'],
    ['25 to 34', '25_34'],
    ['25–34 years', '25_34'],
    ['65+', '65_plus'],
    ['65 and over', '65_plus'],
    ['Under 18', '0_17'],
    ['0-17', '0_17'],
    ['18-20', '18_24'],
    ['Not known', 'not_stated'],
    ['', 'not_stated'],
  ])('puts %p in band %s', (cell, band) => {
    expect(readAge(cell, bands, referral)).toEqual({ ok: true, band, recognised: true });
  });

  it('measures a date of birth on the referral date, in any date form', () => {
    expect(readAge('15/06/2002', bands, referral)).toMatchObject({ ok: true, band: '18_24' });
    expect(readAge('16/06/2002', bands, referral)).toMatchObject({ ok: true, band: '0_17' });
    expect(readAge('2002-06-16', bands, referral)).toMatchObject({ ok: true, band: '0_17' });
    expect(readAge(new Date(Date.UTC(2002, 5, 15)), bands, referral)).toMatchObject({ ok: true, band: '18_24' });
    expect(readAge(excelSerialOfDay(day('2002-06-16')), bands, referral)).toMatchObject({ ok: true, band: '0_17' });
  });

  it('reads a date of birth with a two-digit year in the century before when the other would be after the referral', () => {
    // 2025 would be after the 2020 referral: 1925, aged 95. A two-digit year already in the past stays (2002, aged 18).
    for (const dob of ['10/2/25', '10-Feb-25', '10 February 25']) expect(readAge(dob, bands, referral)).toMatchObject({ ok: true, band: '65_plus' });
    expect(readAge('15/06/02', bands, referral)).toMatchObject({ ok: true, band: '18_24' });
    // The same text through the column reader, which remembers each text once, for two referrals a century's turn apart.
    const reader = ageReader(bands, 100);
    expect([reader('29/02/24', referral), reader('29/02/24', day('2024-03-01'))]).toMatchObject([{ ok: true, band: '65_plus' }, { ok: true, band: '0_17' }]);
    // A four-digit year after the referral is still a mistake to report.
    expect(readAge('10/02/2025', bands, referral)).toMatchObject({ ok: false, problem: 'dob_after_referral' });
  });

  it('cannot age a date of birth without a referral date, and leaves it not stated', () => {
    expect(readAge('15/06/2002', bands, null)).toEqual({ ok: true, band: 'not_stated', recognised: true });
  });

  it.each<[string | number, string]>([
    [-1, 'invalid_age'],
    [130, 'invalid_age'],
    ['18-40', 'invalid_age'],
    ['adult', 'invalid_age'],
    ['31/06/1990', 'impossible_date'],
    ['16/06/2020', 'dob_after_referral'],
  ])('reports %p (%s) and counts it as not stated', (cell, problem) => {
    expect(readAge(cell, bands, referral)).toMatchObject({ ok: false, band: 'not_stated', problem });
  });
});
