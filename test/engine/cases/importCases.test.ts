import type { RawCell } from '../../../src/engine/cases/rawTable';
import { builtInFramework, parseFramework } from '../../../src/frameworks/load';
import { dayFromIso } from '../../../src/engine/cases/dates';
import { importCases } from '../../../src/engine/cases/importCases';
import { InputError } from '../../../src/errors';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('cambridgeshire');
const REQUIRED = ['Case ID', 'Referral date', 'Referral source', 'Crime type'];
const base = { 'Case ID': 'C1', 'Referral date': '01/05/2020', 'Referral source': 'Police', 'Crime type': 'Robbery' };

describe('importCases', () => {
  it('reads a column the export lacks as blank: not known, in the not-stated bucket', () => {
    const { cases, issues } = importCases(tableOf(REQUIRED, [base]), framework);
    expect(issues).toEqual([]);
    expect(cases[0]!.values).toMatchObject({ gender: 'not_stated', age: 'not_stated', contacted: 'unknown', support_type: null, outcome: [], agencies: [], exit_date: null });
  });

  it('normalises each column by its type', () => {
    const headers = [...REQUIRED, 'DOB', 'Contacted', 'Letters sent', 'Outcome 1', 'Outcome 2', 'Outcome 3', 'Onward referrals', 'Exit date'];
    const { cases, issues } = importCases(
      tableOf(headers, [
        {
          ...base,
          DOB: '02/05/2002',
          Contacted: 'Y',
          'Letters sent': '3',
          'Outcome 1': 'Better informed',
          'Outcome 2': 'Feel safer',
          'Outcome 3': 'better informed',
          'Onward referrals': ' Citizens Advice ;Refuge; ',
          'Exit date': '2020-06-30',
        },
      ]),
      framework,
    );
    // The repeated outcome counts once, and is reported.
    expect(issues.map((i) => [i.code, i.column, i.value, i.caseId])).toEqual([['repeated_category', 'Outcome 3', 'better informed', 'C1']]);
    expect(cases).toMatchObject([
      {
        row: 2,
        id: 'C1',
        duplicateOf: null,
        values: {
          case_id: 'C1',
          referral_date: dayFromIso('2020-05-01'),
          source: 'police',
          crime: 'robbery',
          age: '0_17', // 17 on the referral date: the 18th birthday is the day after
          contacted: 'yes',
          letters_emails: 3,
          outcome: ['informed', 'safety'],
          agencies: ['Citizens Advice', 'Refuge'],
          exit_date: dayFromIso('2020-06-30'),
        },
      },
    ]);
  });

  it('takes the first non-blank row as the header and numbers rows as the sheet shows them', () => {
    const table = {
      source: 'cases.csv',
      rows: [
        { number: 1, cells: [null, ''] },
        { number: 2, cells: REQUIRED },
        { number: 3, cells: ['C1', '01/05/2020', 'Police', 'Robbery'] },
        { number: 4, cells: [null, '  ', null, null] },
        { number: 5, cells: ['C2', 'not a date', 'Police', 'Robbery'] },
      ],
    };
    const result = importCases(table, framework);
    expect(result.headerRow).toBe(2);
    expect(result.cases.map((c) => c.row)).toEqual([3, 5]);
    expect(result.issues).toEqual([
      {
        row: 5,
        caseId: 'C2',
        column: 'Referral date',
        value: 'not a date',
        severity: 'error',
        code: 'not_a_date',
        message: '"not a date" is not a date. Write it as day/month/year (01/04/2020), 2020-04-01 or 1 Apr 2020.',
        fix: 'Write the date as day/month/year (01/04/2020) or 2020-04-01.',
      },
    ]);
  });

  it('skips title lines above the header row, and says so', () => {
    const table = {
      source: 'export.csv',
      rows: [
        { number: 1, cells: ['Victim Hub case export'] },
        { number: 2, cells: ['Run on 12/04/2021', null] },
        { number: 3, cells: REQUIRED },
        { number: 4, cells: ['C1', '01/05/2020', 'Police', 'Robbery'] },
      ],
    };
    const result = importCases(table, framework);
    expect(result.headerRow).toBe(3);
    expect(result.cases.map((c) => c.id)).toEqual(['C1']);
    expect(result.notes.find((n) => n.code === 'rows_above_header')?.message).toBe('Rows 1, 2 above the header row (row 3) were skipped: they do not name the case columns.');
  });

  it('stops with a message naming each missing required column and listing the headers found', () => {
    const run = () => importCases(tableOf(['Client ID', 'Offence', 'Worker'], [{}], 'export.csv'), framework);
    expect(run).toThrow(InputError);
    expect(run).toThrow(/export\.csv: the header row \(row 1\) has no column for "Referral date" \(or "Date referred"/);
    expect(run).toThrow(/"Referral source" \(or "Source"/);
    expect(run).toThrow(/Columns found: "Client ID", "Offence", "Worker"/);
  });

  it('stops on a table with no rows at all', () => {
    expect(() => importCases({ source: 'empty.csv', rows: [{ number: 1, cells: [null] }] }, framework)).toThrow(/empty\.csv has no rows/);
  });

  it('notes a header row with no cases', () => {
    expect(importCases(tableOf(REQUIRED, []), framework).notes.map((n) => n.code)).toContain('no_cases');
  });

  it('reports a repeated Case ID on the later row, which is then counted nowhere', () => {
    const { cases, issues } = importCases(tableOf(REQUIRED, [base, { ...base, 'Case ID': 'C2' }, { ...base, 'Case ID': ' C1 ' }]), framework);
    expect(cases.map((c) => c.duplicateOf)).toEqual([null, null, 2]);
    expect(issues).toMatchObject([{ row: 4, code: 'duplicate_case_id', column: 'Case ID', value: 'C1', severity: 'error' }]);
    expect(issues[0]!.message).toContain('also on row 2');
  });

  it('reports a blank Case ID or referral date', () => {
    const { issues } = importCases(tableOf(REQUIRED, [{ ...base, 'Case ID': '' }, { ...base, 'Case ID': 'C2', 'Referral date': '' }]), framework);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'Case ID', 'missing_value'],
      [3, 'Referral date', 'missing_value'],
    ]);
    expect(issues[1]!.message).toContain('counted nowhere');
  });

  it('reports a value outside the list with the accepted values, and still counts it in the unknown bucket', () => {
    const { cases, issues } = importCases(tableOf([...REQUIRED, 'Gender'], [{ ...base, 'Crime type': 'Blackmail', Gender: 'Trans' }]), framework);
    expect(cases[0]!.values.crime).toBe('unknown');
    expect(cases[0]!.values.gender).toBe('not_stated');
    expect(issues).toMatchObject([
      { row: 2, column: 'Crime type', value: 'Blackmail', code: 'unrecognised_category' },
      { row: 2, column: 'Gender', value: 'Trans', code: 'unrecognised_category' },
    ]);
    expect(issues[0]!.message).toMatch(/counted as "Unknown"\. Accepted: Domestic abuse; Sexual offences;/);
    expect(issues[1]!.message).toMatch(/counted as "Not stated"\. Accepted: Female; Male; Non-binary; Other gender identity\./);
  });

  it('reports flags, counts and ages it cannot read', () => {
    const { issues } = importCases(tableOf([...REQUIRED, 'Eligible', 'Letters sent', 'Age'], [{ ...base, Eligible: 'Maybe', 'Letters sent': '***', Age: '200' }]), framework);
    expect(issues.map((i) => i.code)).toEqual(['unrecognised_flag', 'not_whole_number', 'invalid_age']);
    // The column's own answers come first.
    expect(issues[0]!.message).toContain('Use yes (Eligible, Yes, Y, True');
    expect(issues[0]!.message).toContain('no (Ineligible, Not eligible, No, N');
  });

  it('reads a numbered column given as one cell listing several (Outcome: "Better informed; Feel safer"), each once', () => {
    const rows = [
      { ...base, Outcome: 'Better informed; Feel safer' },
      { ...base, 'Case ID': 'C2', Outcome: 'Feel safer | better informed\nFeel safer' },
      // One part not in the list: the others count, and it is reported on its own.
      { ...base, 'Case ID': 'C3', Outcome: 'Better informed; Happier' },
    ];
    const { cases, issues } = importCases(tableOf([...REQUIRED, 'Outcome'], rows), framework);
    expect(cases.map((c) => c.values.outcome)).toEqual([['informed', 'safety'], ['safety', 'informed'], ['informed']]);
    expect(issues.map((i) => [i.row, i.code, i.value])).toEqual([[3, 'repeated_category', 'Feel safer'], [4, 'unrecognised_category', 'Happier']]);
    // Listed again in a later numbered column: counted once, and reported.
    const twice = importCases(tableOf([...REQUIRED, 'Outcome 1', 'Outcome 2'], [{ ...base, 'Outcome 1': 'Feel safer', 'Outcome 2': 'Better informed; Feel safer' }]), framework);
    expect(twice.cases[0]!.values.outcome).toEqual(['safety', 'informed']);
    expect(twice.issues.map((i) => [i.code, i.column])).toEqual([['repeated_category', 'Outcome 2']]);
  });

  it('reads each value a cell lists on its own, one with words in brackets among them', () => {
    const rows = [
      { ...base, 'Case ID': 'A1', Outcome: 'Improved sense of empowerment (better informed); Wellbeing' },
      { ...base, 'Case ID': 'A2', Outcome: 'Cope and recover; Improved sense of empowerment (better informed)' },
      { ...base, 'Case ID': 'A4', Outcome: 'Wellbeing; Safety (feel safer)' },
      { ...base, 'Case ID': 'A5', Outcome: 'Wellbeing\nImproved sense of empowerment (better informed)' },
      { ...base, 'Case ID': 'A6', Outcome: 'Improved sense of empowerment (better informed)' },
    ];
    const { cases, issues } = importCases(tableOf([...REQUIRED, 'Outcome'], rows), framework);
    expect(cases.map((c) => c.values.outcome)).toEqual([['informed', 'health_wellbeing'], ['cope_recover', 'informed'], ['health_wellbeing', 'safety'], ['health_wellbeing', 'informed'], ['informed']]);
    expect(issues).toEqual([]);
  });

  it('reports the same outcome listed twice in one cell, as one repeated in a later numbered column', () => {
    const rows = [
      { ...base, Outcome: 'Better informed; Better informed' },
      { ...base, 'Case ID': 'C2', Outcome: 'Feel safer | Improved sense of empowerment | better informed' },
    ];
    const { cases, issues } = importCases(tableOf([...REQUIRED, 'Outcome'], rows), framework);
    expect(cases.map((c) => c.values.outcome)).toEqual([['informed'], ['safety', 'informed']]);
    expect(issues.map((i) => [i.row, i.code, i.column, i.value])).toEqual([[2, 'repeated_category', 'Outcome', 'Better informed'], [3, 'repeated_category', 'Outcome', 'better informed']]);
    expect(issues[1]!.message).toBe('"better informed" repeats "Improved sense of empowerment (better informed)", listed earlier in the same cell: it counts once for this case. Remove the repeat, or record the one that was meant.');
  });

  it('reads a police or self-referral sub-source as its own category, and reports a detail it does not know', () => {
    const sources = ['Police - BTP', 'Police (other force)', 'Police (Action Fraud)', 'Self referral (website)', 'Police - Norfolk Constabulary'];
    const { cases, issues } = importCases(tableOf(REQUIRED, sources.map((source, i) => ({ ...base, 'Case ID': `S${i}`, 'Referral source': source }))), framework);
    expect(cases.map((c) => c.values.source)).toEqual(['other_police', 'other_police', 'action_fraud', 'self_online', 'police']);
    expect(issues).toMatchObject([{ row: 6, code: 'unrecognised_category', column: 'Referral source', value: 'Police - Norfolk Constabulary' }]);
    expect(issues[0]!.message).toBe(
      '"Police - Norfolk Constabulary" is counted as "Police (local force)", but "Norfolk Constabulary" is not one of the agreed referral source values: if it means Other police force or Action Fraud, record it as that, or add the spelling to your own value spellings.',
    );
  });

  it('accepts the 2021 census ethnic groups written bare', () => {
    const groups = ['Asian, Asian British or Asian Welsh', 'Black, Black British, Black Welsh, Caribbean or African', 'Mixed or Multiple ethnic groups', 'White', 'Other ethnic group'];
    const { cases, issues } = importCases(tableOf([...REQUIRED, 'Ethnicity'], groups.map((group, i) => ({ ...base, 'Case ID': `E${i}`, Ethnicity: group }))), framework);
    expect(cases.map((c) => c.values.ethnicity)).toEqual(['asian', 'black', 'mixed', 'white', 'other']);
    expect(issues).toEqual([]);
  });

  it('keeps as many of a case\'s listed values as the numbered columns count, and reports the rest', () => {
    const two = parseFramework({ ...JSON.parse(JSON.stringify(framework)), columns: framework.columns.map((c) => (c.key === 'outcome' ? { ...c, repeat: 2 } : c)) }, 'two outcomes');
    const { cases, issues } = importCases(tableOf([...REQUIRED, 'Outcome'], [{ ...base, Outcome: 'Feel safer; Better informed; Improved health and wellbeing' }]), two);
    expect(cases[0]!.values.outcome).toEqual(['safety', 'informed']);
    expect(issues).toMatchObject([{ row: 2, code: 'too_many_categories', column: 'Outcome' }]);
    expect(issues[0]!.message).toBe('This case has 3 values of Outcome, but the return counts at most 2 for a case: the last one is not counted. Keep the 2 that count for the return.');
  });

  it('skips a header row repeated down the sheet (a report printed page by page), with a note', () => {
    const headers = [...REQUIRED, 'Contacted'];
    const header = Object.fromEntries(headers.map((h) => [h, h]));
    const rows = [base, header, { ...base, 'Case ID': 'C2' }, { ...header, 'Contacted': 'Contacted ' }, { ...header, 'Case ID': 'Case ID', Contacted: 'Yes' }];
    const { cases, issues, notes } = importCases(tableOf(headers, rows), framework);
    // Rows 3 and 5 repeat it (spacing aside); row 6 has a value of its own, so it is a case row with its problems.
    expect(cases.map((c) => c.row)).toEqual([2, 4, 6]);
    expect(notes.find((n) => n.code === 'repeated_header')?.message).toBe('Rows 3, 5 repeat the header row (row 1), as a report printed page by page does: they were skipped.');
    expect(issues.every((i) => i.row === 6)).toBe(true);
  });

  it('skips the header row of a second export joined onto the first, its byte-order mark and all', () => {
    const headers = [...REQUIRED, 'Contacted'];
    const header = Object.fromEntries(headers.map((h, i) => [h, i === 0 ? `\ufeff${h}` : h]));
    const { cases, issues, notes } = importCases(tableOf(headers, [base, header, { ...base, 'Case ID': 'C2' }]), framework);
    expect(cases.map((c) => c.row)).toEqual([2, 4]);
    expect(notes.find((n) => n.code === 'repeated_header')?.message).toBe('Row 3 repeats the header row (row 1), as a report printed page by page does: it was skipped.');
    expect(issues.filter((i) => i.row === 3)).toEqual([]);
  });

  it('skips a totals row at the foot of a report ("Total" with no referral date), with a note, and keeps a case whose ID is a word like it', () => {
    const headers = [...REQUIRED, 'Contacted'];
    const rows: Record<string, RawCell>[] = [
      base,
      { ...base, 'Case ID': 'Total', 'Referral date': '05/05/2020' },
      { 'Case ID': 'Total', Contacted: '2' },
      { 'Referral source': ' Grand total: ', 'Crime type': '3' },
    ];
    const { cases, issues, notes } = importCases(tableOf(headers, rows), framework);
    expect(cases.map((c) => c.row)).toEqual([2, 3]);
    expect(notes.find((n) => n.code === 'totals_row')?.message).toBe('Rows 4, 5 are totals rows ("Total" with no referral date), as a report\'s foot has: they were skipped, and the figures are counted from the case rows.');
    expect(issues.filter((i) => i.row > 3)).toEqual([]);
  });

  it('says of a contradiction\'s unreadable value that it counts as blank, not that it is there', () => {
    const headers = [...REQUIRED, 'Eligible', 'Support accepted', 'Exit date'];
    const { issues } = importCases(tableOf(headers, [{ ...base, Eligible: 'No', 'Exit date': '12/17/2019' }, { ...base, 'Case ID': 'C2', Eligible: 'No' }]), framework);
    expect(issues.filter((i) => i.check === 'closed_without_exit').map((i) => i.message.split(':')[0])).toEqual([
      'Eligible "No", Support accepted blank, Exit date "12/17/2019" (not readable, so taken as blank)',
      'Eligible "No", Support accepted blank, Exit date blank',
    ]);
  });

  it('skips the page number rows of a report printed page by page, with a note, and keeps a case that merely mentions a page', () => {
    const rows: Record<string, RawCell>[] = [
      base,
      { 'Case ID': 'Page 1 of 3' },
      { ...base, 'Case ID': 'C2' },
      { 'Crime type': ' page 2/3 ' },
      { ...base, 'Case ID': 'Page 3' },
    ];
    const { cases, issues, notes } = importCases(tableOf(REQUIRED, rows), framework);
    expect(cases.map((c) => c.row)).toEqual([2, 4, 6]);
    expect(notes.find((n) => n.code === 'page_rows')?.message).toBe('Rows 3, 5 hold a page number alone ("Page 1 of 8"), as a report printed page by page does: they were skipped.');
    expect(issues.filter((i) => i.row === 3 || i.row === 5)).toEqual([]);
  });

  it("reads a yes/no column's own answers (Declined, Unsuccessful) as the framework defines them, and no other column's", () => {
    const headers = [...REQUIRED, 'Contacted', 'Support accepted', 'Eligible'];
    const answered = importCases(tableOf(headers, [
      { ...base, Contacted: 'Successful', 'Support accepted': 'Declined', Eligible: 'Ineligible' },
      { ...base, 'Case ID': 'C2', Contacted: 'Unable to contact', 'Support accepted': 'Not accepted', Eligible: 'Eligible' },
      // Another column's answer means nothing here.
      { ...base, 'Case ID': 'C3', Contacted: 'Declined', 'Support accepted': 'Successful', Eligible: 'Yes' },
    ]), framework);
    expect(answered.cases.map((c) => [c.values.contacted, c.values.accepted, c.values.eligible])).toEqual([['yes', 'no', 'no'], ['no', 'no', 'yes'], ['unknown', 'unknown', 'yes']]);
    expect(answered.issues.map((i) => [i.row, i.code, i.column])).toEqual([[4, 'unrecognised_flag', 'Contacted'], [4, 'unrecognised_flag', 'Support accepted']]);
  });

  it('reads a date of birth against the referral date even when the date-of-birth column comes first', () => {
    const { cases, issues } = importCases(tableOf(['DOB', ...REQUIRED], [{ ...base, DOB: '01/05/2002' }, { ...base, 'Case ID': 'C2', DOB: '02/05/2020' }]), framework);
    expect(cases.map((c) => c.values.age)).toEqual(['18_24', 'not_stated']);
    expect(issues).toMatchObject([{ row: 3, code: 'dob_after_referral', column: 'DOB' }]);
  });

  it('reports an exit before the referral, and a waiting-list end before its start or without one', () => {
    const headers = [...REQUIRED, 'Exit date', 'Waiting list start', 'Waiting list end'];
    const { issues } = importCases(
      tableOf(headers, [
        { ...base, 'Exit date': '30/04/2020' },
        { ...base, 'Case ID': 'C2', 'Waiting list start': '10/05/2020', 'Waiting list end': '09/05/2020' },
        { ...base, 'Case ID': 'C3', 'Waiting list end': '09/05/2020' },
      ]),
      framework,
    );
    expect(issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [2, 'Exit date', 'dates_out_of_order', 'error'],
      [3, 'Waiting list end', 'dates_out_of_order', 'error'],
      [4, 'Waiting list end', 'end_without_start', 'warning'],
    ]);
    expect(issues[0]!.message).toBe('Exit date 30 Apr 2020 is before Referral date 1 May 2020; the case is counted by its dates as given. Correct whichever date is wrong.');
  });

  it('notes, once, a date column where no day is above 12', () => {
    const rows = [base, { ...base, 'Case ID': 'C2', 'Referral date': '02/03/2020' }];
    const ambiguous = importCases(tableOf(REQUIRED, rows), framework).notes.filter((n) => n.code === 'ambiguous_dates');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]!.message).toContain('"Referral date"');
    const clear = importCases(tableOf(REQUIRED, [...rows, { ...base, 'Case ID': 'C3', 'Referral date': '13/03/2020' }]), framework);
    expect(clear.notes.filter((n) => n.code === 'ambiguous_dates')).toEqual([]);
  });

  it('notes, once, a date column written month first, instead of calling its dates ambiguous', () => {
    const dated = (dates: string[]) => dates.map((date, i) => ({ ...base, 'Case ID': `C${i + 1}`, 'Referral date': date }));
    const us = importCases(tableOf(REQUIRED, dated(['05/21/2020', '05/21/2020', '06/30/2020', '04/02/2020', '04/03/2020'])), framework);
    expect(us.notes.filter((n) => n.code === 'ambiguous_dates')).toEqual([]);
    expect(us.notes.filter((n) => n.code === 'month_first_dates').map((n) => n.message)).toEqual([
      '"Referral date" looks written month first (month/day/year, as 05/21/2020): 3 of its dates have a second part over 12, and none a first part over 12. Those could not be read, and the 2 with both parts 12 or less were read day first, which is likely wrong. Change the export to day first or ISO (2020-05-21), and run again.',
    ]);
    // Each such date keeps its own row issue.
    expect(us.issues.filter((i) => i.code === 'impossible_date')).toHaveLength(3);
    // A day over 12 written first shows the column is day first: a typed slip is no month-first column.
    const slip = importCases(tableOf(REQUIRED, dated(['05/21/2020', '25/05/2020'])), framework);
    expect(slip.notes.filter((n) => n.code === 'month_first_dates' || n.code === 'ambiguous_dates')).toEqual([]);
  });

  it('notes the columns it does not use and the optional columns it did not find', () => {
    const { notes } = importCases(tableOf([...REQUIRED, 'Worker'], [base]), framework);
    expect(notes.find((n) => n.code === 'ignored_columns')?.message).toBe('Columns not used by this return: Worker.');
    expect(notes.find((n) => n.code === 'missing_columns')?.message).toMatch(/^No column for Eligible, Contacted, Support accepted,.*Outcome 1 …/);
  });
});
