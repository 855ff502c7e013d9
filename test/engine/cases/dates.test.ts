import { dayFromExcelSerial, dayFromIso, dayFromParts, excelSerialOfDay, isoOfDay, readDate, readIsoDate } from '../../../src/engine/cases/dates';

const day = (iso: string) => dayFromIso(iso)!;
const read = (cell: Parameters<typeof readDate>[0]) => {
  const r = readDate(cell);
  return r?.ok ? isoOfDay(r.day) : r;
};

describe('readDate', () => {
  it.each([
    ['01/04/2020', '2020-04-01'],
    ['1/4/2020', '2020-04-01'],
    ['13.04.2020', '2020-04-13'],
    ['01-04-2020', '2020-04-01'],
    ['2020-04-01', '2020-04-01'],
    ['2020/4/1', '2020-04-01'],
    ['1 Apr 2020', '2020-04-01'],
    ['1 April 2020', '2020-04-01'],
    ['01-Apr-2020', '2020-04-01'],
    ['1-Apr-20', '2020-04-01'],
    ['1st April 2020', '2020-04-01'],
    ['Wed 1 Apr 2020', '2020-04-01'],
    ['April 1, 2020', '2020-04-01'],
    ['30 Sept 2020', '2020-09-30'],
    ['01/04/2020 14:35', '2020-04-01'],
    ['01/04/2020 2:35 pm', '2020-04-01'],
    ['2020-04-01T23:59:59Z', '2020-04-01'],
    ['2020-04-01 09:00:00', '2020-04-01'],
    ['  01/04/2020  ', '2020-04-01'],
    ['01/04/95', '1995-04-01'],
    ['01/04/29', '2029-04-01'],
    ['43922', '2020-04-01'],
    ['20200401', '2020-04-01'],
    ['19851231', '1985-12-31'],
  ])('reads %s as %s', (text, iso) => {
    expect(read(text)).toBe(iso);
  });

  it('reads Excel serial numbers, dropping the time of day', () => {
    expect(read(43922)).toBe('2020-04-01');
    expect(read(43922.75)).toBe('2020-04-01');
  });

  it('reads dates that a workbook reader gives as midnight UTC', () => {
    expect(read(new Date(Date.UTC(2020, 3, 1)))).toBe('2020-04-01');
  });

  it('treats blank cells as no date', () => {
    expect(readDate(null)).toBeNull();
    expect(readDate('   ')).toBeNull();
  });

  it.each([
    ['31/06/2020', 'June 2020 has 30 days'],
    ['29/02/2021', 'February 2021 has 28 days'],
    ['31 Feb 2020', 'February 2020 has 29 days'],
    ['2020-13-01', 'there is no month 13'],
    ['04/25/2020', 'there is no month 25'],
    ['20201301', 'there is no month 13'],
    ['20200230', 'February 2020 has 29 days'],
    ['00/04/2020', 'there is no day 0 in a month'],
  ])('rejects %s as not a real calendar date (%s)', (text, detail) => {
    const r = readDate(text);
    expect(r).toMatchObject({ ok: false, problem: 'impossible_date' });
    expect(r && !r.ok && r.detail).toContain(detail);
  });

  it('accepts 29 February in a leap year', () => {
    expect(read('29/02/2020')).toBe('2020-02-29');
  });

  it.each(['next Tuesday', 'N/A', '***', '2020', '1 Foo 2020', 'TRUE', '01042020', '123456789'])('rejects %s as not a date', (text) => {
    expect(readDate(text)).toMatchObject({ ok: false, problem: 'not_a_date' });
  });

  it('marks day/month dates whose parts could be either way round', () => {
    expect(readDate('01/04/2020')).toMatchObject({ ok: true, ambiguous: true, dayFirstShown: false });
    expect(readDate('13/04/2020')).toMatchObject({ ok: true, ambiguous: false, dayFirstShown: true });
    expect(readDate('04/04/2020')).toMatchObject({ ok: true, ambiguous: false });
    expect(readDate('2020-04-01')).toMatchObject({ ok: true, ambiguous: false });
  });
});

describe('Excel serials', () => {
  it('round-trips days through serial numbers', () => {
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '1970-01-01', '2020-04-01', '2099-12-31'])
      expect(dayFromExcelSerial(excelSerialOfDay(day(iso)))).toBe(day(iso));
  });

  it('knows serial 60 is the 29 February 1900 that never was', () => {
    expect(dayFromExcelSerial(60)).toBeNull();
    expect(isoOfDay(dayFromExcelSerial(61)!)).toBe('1900-03-01');
    expect(isoOfDay(dayFromExcelSerial(59)!)).toBe('1900-02-28');
  });
});

describe('dayFromParts and dayFromIso', () => {
  it('refuses dates that do not exist', () => {
    expect(dayFromParts(2020, 6, 31)).toBeNull();
    expect(dayFromIso('2020-6-1')).toBeNull();
    expect(dayFromIso('2020-02-30')).toBeNull();
  });

  it('says why a date written as YYYY-MM-DD is no real one, and reads no other form', () => {
    expect(readIsoDate('2024-02-29')).toEqual({ ok: true, day: day('2024-02-29'), ambiguous: false, dayFirstShown: false });
    expect(readIsoDate('2024-02-30')).toEqual({ ok: false, problem: 'impossible_date', detail: 'February 2024 has 29 days' });
    expect(readIsoDate('2024-00-10')).toEqual({ ok: false, problem: 'impossible_date', detail: 'there is no month 0' });
    for (const text of ['2024-2-3', '30/02/2024', '2024-02-29 10:00', ' 2024-02-29']) expect(readIsoDate(text)).toMatchObject({ ok: false, problem: 'not_a_date' });
  });
});
