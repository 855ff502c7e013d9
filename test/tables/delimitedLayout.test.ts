import fc from 'fast-check';
import { delimitedLayout, SAMPLE_LENGTH } from '../../src/tables/delimitedLayout';

const separatorOf = (text: string) => delimitedLayout(text, true).delimiter;

describe('delimitedLayout', () => {
  it.each([
    ['a semicolon file', 'Case ID;Referral date;Crime type\nE1;01/05/2020;Burglary\n', ';'],
    ['a tab file', 'Case ID\tReferral date\tCrime type\nE1\t01/05/2020\tBurglary\n', '\t'],
    ['a pipe file', 'Case ID|Crime\rC1|Theft\rC2|Fraud', '|'],
    ['a comma file', 'Case ID,Referral date,Crime type\nE1,01/05/2020,Burglary\n', ','],
    ['one column', 'Case ID\nE1\nE2\n', ','],
  ])('tells the separator of %s', (_kind, text, separator) => {
    expect(separatorOf(text)).toBe(separator);
  });

  it.each([
    ['a semicolon file with a title and a blank line above its header', 'Victim Services case report\n\nCase ID;Referral date;Referral source;Crime type\nE1;01/05/2020;Police;Burglary\n', ';'],
    ['a tab file with a title', 'Victim Services case report\n\nCase ID\tReferral date\tReferral source\tCrime type\nE1\t01/05/2020\tPolice\tBurglary\n', '\t'],
    ['a semicolon file whose title holds commas', 'Victim Services, case report, Q1 2020\nCase ID;Referral date;Referral source;Crime type\nE1;01/05/2020;Police;Burglary\nE2;02/05/2020;Self;Theft\n', ';'],
    ['a comma file whose title holds semicolons', 'Report; run 01/10/2020; all teams\nCase ID,Referral date,Referral source,Crime type\nE1,01/05/2020,Police,Burglary\n', ','],
    ['a tab file whose title and report lines hold commas and semicolons', 'Cases, by team; Q1\nRun by: J. Smith, 01/10/2020\n\nCase ID\tReferral date\tCrime type\nE1\t01/05/2020\tTheft\n', '\t'],
    ['a semicolon file with only its header below a comma title', 'Report, Q1\nCase ID;Referral date;Referral source;Crime type\n', ';'],
  ])('tells the separator from the header row, not from a title above it: %s', (_kind, text, separator) => {
    expect(separatorOf(text)).toBe(separator);
  });

  it('is not misled by values holding another separator: agencies listed with ";" in a comma file, decimal commas in a semicolon file', () => {
    const agencies = ['Case ID,Crime type,Agencies referred to', 'C1,Theft,Police; Housing', 'C2,Fraud,Police; GP; Housing', 'C3,Theft,Police; GP'].join('\n');
    expect(separatorOf(agencies)).toBe(',');
    const decimals = ['Case ID;Hours;Miles', 'C1;1,5;2,25', 'C2;0,75;1', 'C3;2;3,5'].join('\n');
    expect(separatorOf(decimals)).toBe(';');
  });

  it('reads separators inside quotes as text', () => {
    expect(separatorOf('"Case ID";"Notes, if any";"Crime"\n"C1";"Said, a, lot";"Theft"\n')).toBe(';');
  });

  it('follows an Excel "sep=" line and leaves it out of the text', () => {
    expect(delimitedLayout('sep=|\r\nCase ID,Crime|x\n', true)).toEqual({ body: 'Case ID,Crime|x\n', delimiter: '|' });
  });

  it('takes the separator it is told (a part of a file) once it can see whether a "sep=" line opens the text', () => {
    expect(delimitedLayout('Report title\nCase', false, ';')).toEqual({ body: 'Report title\nCase', delimiter: ';' });
    expect(delimitedLayout('sep=;', false, ';')).toBeNull();
    expect(delimitedLayout('sep=;\nCase', false, ';')).toEqual({ body: 'Case', delimiter: ';' });
  });

  it('waits for the first lines of a text still arriving', () => {
    const text = `Report, Q1\n${Array.from({ length: 30 }, (_, i) => `C${i};Theft;Police`).join('\n')}`;
    expect(delimitedLayout(text.slice(0, 40), false)).toBeNull();
    expect(delimitedLayout(text, false)).toEqual({ body: text, delimiter: ';' });
    // A first line longer than the sample: told from as much as the sample holds.
    const long = `Case ID,${'Note,'.repeat(SAMPLE_LENGTH / 5)}\nC1;x\n`;
    expect(delimitedLayout(long.slice(0, SAMPLE_LENGTH - 1), false)).toBeNull();
    expect(delimitedLayout(long.slice(0, SAMPLE_LENGTH), false)).toEqual({ body: long.slice(0, SAMPLE_LENGTH), delimiter: ',' });
  });

  it('tells any start of a text that it tells at all the separator the whole text has: the readings and the parts planner agree', () => {
    const cell = fc.constantFrom('', 'Case ID', 'Theft, from a car', 'Police; Housing', 'a|b', '"quoted, ""x""; y"', 'tab\there', 'Report title');
    const line = fc.tuple(fc.constantFrom(',', ';', '\t', '|'), fc.array(cell, { minLength: 1, maxLength: 5 })).map(([sep, cells]) => cells.join(sep));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.nat(), (lines, newline, cut) => {
        const text = lines.join(newline);
        const start = delimitedLayout(text.slice(0, cut % (text.length + 1)), false);
        if (start !== null) expect(start.delimiter).toBe(separatorOf(text));
      }),
      { numRuns: 500 },
    );
  });
});
