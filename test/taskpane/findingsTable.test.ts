import { explanationKey } from '../../src/commands/annotateReturn';
import type { Finding } from '../../src/engine/checks/findings';
import { findingsCsv, findingsRows, findingsTsv } from '../../src/taskpane/findingsTable';

const finding: Finding = {
  code: 'identity',
  rule: 'police_typed',
  title: 'Typed figures match the case data',
  ref: null,
  severity: 'error',
  figures: ['referrals.by_source.police'],
  cells: ['Outputs!B7', "'Section A'!D10"],
  params: {},
  message: 'New referrals from Police is typed as 5, but the case data gives 3 (2 more).',
  hint: '=fix the figure, or "explain" it',
  cases: ['G', 'K', 'P'],
};

describe('findings as a table', () => {
  const rows = findingsRows([finding], new Map([[explanationKey(finding), 'Two came in\ton the last day.']]));

  it('has every cell, the cases behind the figure and the explanation', () => {
    expect(rows).toEqual([
      ['Severity', 'Message', 'What to do', 'Cells', 'Case IDs', 'Explanation'],
      ['Error', finding.message, finding.hint, "Outputs!B7 'Section A'!D10", 'G K P', 'Two came in\ton the last day.'],
    ]);
  });

  it('quotes CSV cells and keeps text that looks like a formula as text', () => {
    expect(findingsCsv(rows).split('\r\n')[1]).toBe(`"Error","${finding.message}","'=fix the figure, or ""explain"" it","Outputs!B7 'Section A'!D10","G K P","Two came in\ton the last day."`);
  });

  it('copies as tab-separated rows with no tab or line break inside a cell', () => {
    expect(findingsTsv(rows).split('\n')[1]!.split('\t')).toEqual(['Error', finding.message, "'=fix the figure, or \"explain\" it", "Outputs!B7 'Section A'!D10", 'G K P', 'Two came in on the last day.']);
  });
});
