import type { Framework } from '../frameworks/schema';
import type { Finding } from '../engine/checks/findings';
import type { RuleOverrides } from '../engine/checks/overrides';
import type { ReturnData } from '../engine/checks/returnData';
import { runChecks, sortFindings } from '../engine/checks/runChecks';
import type { WorkbookPort } from '../workbook/port';
import type { Mapping } from '../engine/mapping/mapping';
import { readReturn, type ReadReturn } from './readReturn';
import { caseStudyNames } from './caseStudyNames';
import { reconcile } from './reconcile';
import { CASE_DATA_SHEET } from './returnLayout';

/** Checks a received workbook: its rules, its template version, and its typed figures against its own case data. */
export async function checkWorkbook(
  port: WorkbookPort,
  source: string,
  options: { previous?: ReturnData | null; overridesFor?: (framework: Framework) => RuleOverrides | null; frameworkFor?: (id: string) => Framework; mapping?: Mapping | null } = {},
): Promise<{ read: ReadReturn; findings: Finding[] }> {
  const read = await readReturn(port, source, options.frameworkFor, options.mapping ?? null);
  const findings = runChecks(read.data, { previous: options.previous, overrides: options.overridesFor?.(read.data.framework) ?? null });
  const { framework } = read.data;
  if (read.version !== framework.version)
    findings.push({
      rule: 'template_version',
      kind: 'template',
      severity: 'query',
      figures: [],
      cells: [],
      message: `This return was made from template version ${read.version ?? '(not recorded)'}; the current ${framework.title} is version ${framework.version}.`,
      hint: 'Check the return follows the current definitions, or fill the current template.',
    });
  if (read.lost.length)
    findings.push({
      rule: 'figure_names_lost',
      kind: 'template',
      severity: 'query',
      figures: read.lost,
      cells: [],
      message: `${read.lost.length} figure${read.lost.length === 1 ? ' has' : 's have'} lost the cell name that says where ${read.lost.length === 1 ? 'it is' : 'they are'} (someone deleted or renamed them), so ${read.lost.length === 1 ? 'it was' : 'they were'} not read or checked: ${read.lost.slice(0, 5).join(', ')}${read.lost.length > 5 ? ` and ${read.lost.length - 5} more` : ''}.`,
      hint: 'Map the workbook again (returns map FILE.xlsx --framework ID --out mapping.json) and check it with --mapping mapping.json, or fill a fresh template.',
    });
  if ((await port.sheetNames()).includes(CASE_DATA_SHEET)) {
    const rows = await port.readUsed(CASE_DATA_SHEET);
    const caseData = { source: `${source}, sheet "${CASE_DATA_SHEET}"`, rows };
    if (rows.length > 1) findings.push(...reconcile(read, caseData), ...caseStudyNames(read, caseData));
  }
  return { read, findings: sortFindings(findings) };
}
