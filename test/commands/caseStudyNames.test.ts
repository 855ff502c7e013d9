import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { fillReturn } from '../../src/commands/fillReturn';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { tableOf } from '../support/tables';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const HEADERS = ['Case ID', 'Referral date', 'Referral source', 'Crime type', 'Eligible', 'Contacted', 'Support accepted', 'Support type', 'First name', 'Surname', 'Case study'];
const supported = { 'Referral date': '01/05/2020', 'Referral source': 'Police', 'Crime type': 'Theft', Eligible: 'Y', Contacted: 'Y', 'Support accepted': 'Y', 'Support type': 'Ongoing' };

describe('case studies checked against the names in their own case rows', () => {
  it('queries a case study that names its victim, naming the case and the column, never the name', async () => {
    const workbook = XlsxWorkbook.create();
    await fillReturn(workbook, {
      framework,
      period,
      table: tableOf(HEADERS, [
        { ...supported, 'Case ID': 'K1', 'First name': 'Priya', Surname: 'Okonkwo-Hale', 'Case study': 'Priya came to us after a burglary and now feels safer.' },
        { ...supported, 'Case ID': 'K2', 'First name': 'Tom', Surname: 'Ashworth', 'Case study': 'The victim was supported through court; Mrs Ashworth thanked the team.' },
        { ...supported, 'Case ID': 'K3', 'First name': 'Al', Surname: 'Reed', 'Case study': 'The client, referred by police, was helped to move; we worked with Priya from the council.' },
      ]),
    });
    const { findings } = await checkWorkbook(workbook, 'filled.xlsx');
    const named = findings.filter((f) => f.rule === 'case_study_names');
    expect(named.map((f) => f.message)).toEqual([
      'The case study for case K1 names the person in its case row ("First name"). It is sent to the commissioner, so it must be anonymous.',
      'The case study for case K2 names the person in its case row ("Surname"). It is sent to the commissioner, so it must be anonymous.',
    ]);
    expect(named.every((f) => f.severity === 'query' && !/Priya|Ashworth/.test(f.message))).toBe(true);
  });
});
