import { builtInFramework } from '../../../src/frameworks/load';
import { dayFromIso, readDate } from '../../../src/engine/cases/dates';
import { importCases } from '../../../src/engine/cases/importCases';
import type { RawTable } from '../../../src/engine/cases/rawTable';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('cambridgeshire');
const today = dayFromIso('2026-11-27')!;
const HEADERS = ['Case ID', 'Referral date', 'Referral source', 'Crime type', 'Exit date'];
const base = { 'Case ID': 'C1', 'Referral date': '01/05/2020', 'Referral source': 'Police', 'Crime type': 'Theft' };
const importRows = (rows: Record<string, string>[], headers = HEADERS) => importCases(tableOf(headers, rows), framework, { today });

describe('import: values that are not what they seem are row issues, never values', () => {
  it.each(['#N/A', '#NAME?', '#REF!', '#DIV/0!', '#VALUE!'])('reports the Excel error %s and never reads it as a value', (error) => {
    const { cases, issues } = importRows([{ ...base, 'Case ID': error, 'Crime type': error }]);
    expect(issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['excel_error', 2, 'Case ID', error],
      ['excel_error', 2, 'Crime type', error],
    ]);
    expect(issues[0]!.message).toContain(`"${error}" is an Excel error, not a value`);
    expect(cases[0]!.id).toBe('');
    expect(cases[0]!.values.crime).toBe('unknown');
  });

  it('reports a category value with no letters, such as ***, as not in the list', () => {
    const { issues } = importRows([{ ...base, 'Crime type': '***' }]);
    expect(issues).toMatchObject([{ code: 'unrecognised_category', row: 2, column: 'Crime type', value: '***' }]);
    expect(issues[0]!.message).toMatch(/^"\*\*\*" is not one of the agreed crime type values; it is counted as "Unknown"/);
  });

  it.each<[string, string, string]>([
    ['a referral date after today', 'Referral date', '01/05/2031'],
    ['an exit in 9999', 'Exit date', '31/12/9999'],
  ])('reports %s, naming row, column and value, and takes it as blank', (_, column, value) => {
    const { cases, issues } = importRows([{ ...base, [column]: value }]);
    expect(issues).toMatchObject([{ code: 'date_in_future', row: 2, column, value }]);
    expect(issues[0]!.message).toMatch(/is after today \(27 Nov 2026\): a case cannot have happened yet/);
    expect(cases[0]!.values[column === 'Exit date' ? 'exit_date' : 'referral_date']).toBeNull();
  });

  it.each(['01/05/2020 25:61', '2020-05-01T24:00', '01/05/2020 10:60:00', '01/05/2020 10:00:61'])('reports the impossible time in %s', (value) => {
    expect(readDate(value)).toMatchObject({ ok: false, problem: 'impossible_date', detail: expect.stringMatching(/^there is no time \d/) });
    const { issues } = importRows([{ ...base, 'Referral date': value }]);
    expect(issues).toMatchObject([{ code: 'impossible_date', row: 2, column: 'Referral date', value }]);
  });

  it('still reads real times and dotted dates', () => {
    expect(readDate('01/05/2020 23:59:59')).toMatchObject({ ok: true, day: dayFromIso('2020-05-01') });
    expect(readDate('01.05.2020')).toMatchObject({ ok: true, day: dayFromIso('2020-05-01') });
  });

  it('reports values beyond the last column, and short rows of a delimited file', () => {
    const table: RawTable = {
      source: 'cases.csv',
      delimited: true,
      rows: [
        { number: 1, cells: HEADERS.slice(0, 4) },
        { number: 2, cells: ['C1', '01/05/2020', 'Police', 'Theft', 'Smith, Jo'] },
        { number: 3, cells: ['C2', '01/05/2020', 'Police'] },
        { number: 4, cells: ['C3', '01/05/2020', 'Police', 'Theft'] },
      ],
    };
    const { issues } = importCases(table, framework, { today });
    expect(issues.filter((i) => i.code === 'ragged_row').map((i) => [i.row, i.value])).toEqual([[2, 'Smith, Jo'], [3, 'C2, 01/05/2020, Police']]);
    expect(issues[0]!.message).toContain('Row 2 has 1 value beyond the last column (D)');
    expect(issues.find((i) => i.row === 3 && i.code === 'ragged_row')!.message).toContain('Row 3 has 3 values but the header row has 4 columns');
    // A sheet's rows end at their last used cell: short rows are normal there.
    expect(importCases({ ...table, delimited: undefined }, framework, { today }).issues.filter((i) => i.code === 'ragged_row').map((i) => i.row)).toEqual([2]);
  });

  it('reports a value repeated into the rows of a merged cell', () => {
    const table: RawTable = { ...tableOf(HEADERS.slice(0, 4), [base, { ...base, 'Case ID': 'C2' }, { ...base, 'Case ID': 'C3' }]), merges: [{ top: 2, left: 4, bottom: 4, right: 4 }] };
    const { issues } = importCases(table, framework, { today });
    expect(issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['merged_cells', 3, 'Crime type', 'Theft'],
      ['merged_cells', 4, 'Crime type', 'Theft'],
    ]);
    expect(issues[0]!.message).toBe('Rows 2–4 of Crime type are merged cells, so row 2\'s value "Theft" is read into this row too. Unmerge the cells and give each row its own value.');
  });

  it('names both columns by letter when two mean the same thing', () => {
    const { notes } = importRows([{ ...base }], [...HEADERS.slice(0, 4), 'Offence']);
    expect(notes.find((n) => n.code === 'duplicate_columns')!.message).toBe('"Offence" (column E) is a second column for the same thing as "Crime type" (column D): only column D is used, as "Crime type" is the column\'s own name. Remove or rename one of them.');
  });

  it('reads a date column from the header that says it holds dates, not from an earlier yes/no column of the same name, and says so', () => {
    const headers = ['Case ID', 'Case closed', ...HEADERS.slice(1, 4), 'Date closed'];
    const { cases, issues, notes } = importRows([{ ...base, 'Case closed': 'Yes', 'Date closed': '15/05/2020' }], headers);
    expect(issues).toEqual([]);
    expect(cases[0]!.values.exit_date).toBe(dayFromIso('2020-05-15'));
    expect(notes.find((n) => n.code === 'duplicate_columns')!.message).toBe('"Case closed" (column B) is a second column for the same thing as "Date closed" (column F): only column F is used, as its header says it holds dates. Remove or rename one of them.');
  });

  it('reports a cell longer than a spreadsheet cell holds', () => {
    const { issues } = importRows([{ ...base, Notes: 'n'.repeat(40_000) }], [...HEADERS.slice(0, 4), 'Notes']);
    expect(issues).toMatchObject([{ code: 'too_long', row: 2, column: 'Notes', value: `${'n'.repeat(40)}…` }]);
    expect(issues[0]!.message).toContain('holds 40,000 characters, more than the 32,767 a spreadsheet cell holds');
  });

  it('strips invisible characters around values, and mentions them when the value still fails', () => {
    const nbsp = '\u00a0';
    const zwsp = '\u200b';
    const { cases, issues } = importRows([
      { ...base, 'Case ID': `${zwsp}C1${nbsp}`, 'Referral date': `${zwsp}01/05/2020`, 'Crime type': `Theft${zwsp}` },
      { ...base, 'Case ID': 'C2', 'Referral date': `${nbsp}31/06/2020${zwsp}` },
    ]);
    expect(cases[0]!.id).toBe('C1');
    expect(cases[0]!.values).toMatchObject({ referral_date: dayFromIso('2020-05-01'), crime: 'theft' });
    expect(issues).toMatchObject([{ code: 'impossible_date', row: 3, column: 'Referral date' }]);
    expect(issues[0]!.message).toMatch(/June 2020 has 30 days.*\(Invisible characters around the value, such as a no-break or zero-width space, were removed before reading it\.\)$/);
  });
});
