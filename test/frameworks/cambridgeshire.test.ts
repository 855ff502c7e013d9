import { importCases } from '../../src/engine/cases/importCases';
import { casesBehind } from '../../src/engine/tally/casesBehind';
import { periodFromIso } from '../../src/engine/tally/period';
import { tallyCases } from '../../src/engine/tally/tally';
import { figuresOf } from '../../src/frameworks/expand';
import { builtInFramework } from '../../src/frameworks/load';
import { tallyTable } from '../../src/engine/report/tallyReport';
import { tableOf } from '../support/tables';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-06-30');
const HEADERS = ['Case ID', 'Referral date', 'Referral source', 'Crime type', 'Conference completed'];
const rj = (id: string, referral: string, conference: string | null) => ({ 'Case ID': id, 'Referral date': referral, 'Referral source': 'Police', 'Crime type': 'Burglary', 'Conference completed': conference });

describe('the Cambridgeshire RJ service\'s time from referral to conference', () => {
  const rows = [
    rj('C1', '01/02/2020', '11/04/2020'), // 70 days: 10 weeks
    rj('C2', '01/04/2020', '22/04/2020'), // 21 days: 3 weeks
    rj('C3', '01/04/2020', '30/06/2020'), // 90 days, on the period's last day
    rj('C4', '01/01/2020', '31/03/2020'), // completed before the period
    rj('C5', '01/05/2020', '01/07/2020'), // completed after it
    rj('C6', '01/06/2020', null), // no conference yet
    rj('C7', '10/05/2020', '09/05/2020'), // before its referral: left out, reported
  ];
  const imported = importCases(tableOf(HEADERS, rows), framework);

  it('is the mean weeks over the conferences completed in the period, counted from the rows', () => {
    // (70 + 21 + 90) ÷ 3 cases ÷ 7 = 8.619…
    expect(tallyCases(imported.cases, framework, period).figures['rj.weeks_to_conference']).toBe(8.62);
    const figure = figuresOf(framework).find((f) => f.id === 'rj.weeks_to_conference')!;
    expect(casesBehind(figure, imported.cases, framework, period).map((c) => c.id)).toEqual(['C1', 'C2', 'C3']);
  });

  it('reports a conference dated before its referral', () => {
    expect(imported.issues.filter((i) => i.check === 'duration_conference_date_before_referral_date').map((i) => i.row)).toEqual([8]);
  });

  it('is blank, naming the column, when the export has no Conference completed column', () => {
    const without = importCases(tableOf(HEADERS.slice(0, 4), rows), framework);
    const { figures, blanked } = tallyCases(without.cases, framework, period, without.absent);
    expect([figures['rj.weeks_to_conference'], blanked['rj.weeks_to_conference']]).toEqual([null, ['conference_date']]);
  });

  it('is noted as missing only for a service asked it: the RJ profile, not the general one', () => {
    const table = tableOf(HEADERS.slice(0, 4), rows);
    const notes = (profile: string) => tallyTable(table, framework, period, { profile }).notes.filter((n) => n.code === 'blank_figures').map((n) => n.message);
    const aboutConference = (profile: string) => notes(profile).filter((m) => m.includes('Conference completed'));
    expect(aboutConference('rj')).toHaveLength(1);
    expect(aboutConference('general')).toEqual([]);
    // Not applicable to the general service: kept apart from the blanked, still blank.
    const general = tallyTable(table, framework, period, { profile: 'general' });
    expect([general.figures['rj.weeks_to_conference'], general.blanked['rj.weeks_to_conference'], general.blankedNotAsked?.['rj.weeks_to_conference']]).toEqual([null, undefined, ['conference_date']]);
    const rjReport = tallyTable(table, framework, period, { profile: 'rj' });
    expect([rjReport.blanked['rj.weeks_to_conference'], rjReport.blankedNotAsked?.['rj.weeks_to_conference']]).toEqual([['conference_date'], undefined]);
  });
});
