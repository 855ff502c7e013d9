import { clockBetween, daysBetween, displayDateTime, orderBetween, readDateTime, secondsBetween } from '../../../src/engine/cases/dateTimes';
import { isoOfDay } from '../../../src/engine/cases/dates';

const read = (cell: Parameters<typeof readDateTime>[0]) => {
  const r = readDateTime(cell);
  if (!r?.ok) return r;
  const seconds = Math.round((r.at - r.day) * 86_400);
  return `${isoOfDay(r.day)} ${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}${r.hasTime ? '' : ' (date alone)'}`;
};

describe('readDateTime', () => {
  it.each([
    ['03/04/2024 14:35', '2024-04-03 14:35:00'],
    ['3/4/2024 9.05', '2024-04-03 09:05:00'],
    ['2024-04-03T14:35:20Z', '2024-04-03 14:35:20'],
    ['2024-04-03 14:35', '2024-04-03 14:35:00'],
    ['3 Apr 2024 2:35 pm', '2024-04-03 14:35:00'],
    ['3 Apr 2024 12:10 am', '2024-04-03 00:10:00'],
    ['03/04/2024', '2024-04-03 00:00:00 (date alone)'],
    ['45385.6', '2024-04-03 14:24:00'],
  ])('reads %s as %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('reads Excel serials with a fraction and workbook dates with a time', () => {
    expect(read(45385.25)).toBe('2024-04-03 06:00:00');
    expect(read(45385)).toBe('2024-04-03 00:00:00 (date alone)');
    expect(read(new Date(Date.UTC(2024, 3, 3, 14, 35)))).toBe('2024-04-03 14:35:00');
  });

  it('refuses impossible dates and times, and treats blank as none', () => {
    expect(readDateTime('31/04/2024 10:00')).toMatchObject({ ok: false, problem: 'impossible_date' });
    expect(readDateTime('03/04/2024 25:00')).toMatchObject({ ok: false, problem: 'impossible_date' });
    expect(readDateTime('soon')).toMatchObject({ ok: false, problem: 'not_a_date' });
    expect(readDateTime('')).toBeNull();
  });

  it('measures whole seconds and calendar days between two readings', () => {
    const at = (text: string) => (readDateTime(text) as { at: number }).at;
    expect(secondsBetween(at('03/04/2024 14:35'), at('05/04/2024 14:35'))).toBe(48 * 3600);
    expect(secondsBetween(at('05/04/2024 14:35'), at('03/04/2024 14:35'))).toBe(-48 * 3600);
    expect(daysBetween(at('03/04/2024 23:59'), at('04/04/2024 00:01'))).toBe(1);
  });
});

describe('orderBetween', () => {
  const at = (text: string) => {
    const r = readDateTime(text);
    if (!r?.ok) throw new Error(`not a date: ${text}`);
    return r.at;
  };
  it.each([
    ['03/04/2024 14:35', '03/04/2024 09:00', -1, 'both with a time: to the second'],
    ['03/04/2024 14:35', '03/04/2024 14:35:01', 1, 'a second later'],
    ['03/04/2024 14:35', '03/04/2024 14:35', 0, 'the same moment'],
    ['03/04/2024 14:35', '03/04/2024', 0, 'a date alone is not before a time on its day'],
    ['03/04/2024', '03/04/2024 09:00', 0, 'nor after one'],
    ['03/04/2024 14:35', '02/04/2024', -1, 'an earlier day is before, with or without a time'],
    ['03/04/2024 00:10', '02/04/2024 23:50', -1, 'across midnight'],
  ])('from %s to %s is %i (%s)', (from, to, expected) => {
    expect(orderBetween(at(from), at(to))).toBe(expected);
  });
});

describe('clockBetween', () => {
  const at = (text: string) => (readDateTime(text) as { at: number }).at;
  it.each([
    ['03/04/2024 14:35', '05/04/2024 14:36', 48 * 3600 + 60, 'both with a time: to the second'],
    ['03/04/2024 14:35', '03/04/2024', 0, 'a date alone on the day of a time: the same day, not 14 h 35 before'],
    ['03/04/2024', '05/04/2024 10:00', 2 * 86400, 'a time two days after a date alone: two calendar days'],
    ['03/04/2024 14:35', '06/04/2024', 3 * 86400, 'three calendar days'],
    ['03/04/2024 14:35', '02/04/2024', -86400, 'a day before'],
    ['03/04/2024', '05/04/2024', 2 * 86400, 'two dates alone'],
  ])('from %s to %s is %i seconds (%s)', (from, to, expected) => {
    expect(clockBetween(at(from), at(to))).toBe(expected);
  });

  it('takes a time typed as exactly 00:00 for a date alone: a spreadsheet holds the two as the same number', () => {
    expect(at('03/04/2024 00:00')).toBe(at('03/04/2024'));
    expect(clockBetween(at('03/04/2024 14:35'), at('03/04/2024 00:00'))).toBe(0);
  });
});

describe('displayDateTime', () => {
  it('shows the time of day only when there is one, and seconds only when there are some', () => {
    expect(['03/04/2024 14:35', '03/04/2024 09:05:07', '03/04/2024'].map((t) => displayDateTime((readDateTime(t) as { at: number }).at))).toEqual([
      '3 Apr 2024 14:35',
      '3 Apr 2024 09:05:07',
      '3 Apr 2024',
    ]);
  });
});
